using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Core.HeldPatients;

/// <summary>The region's clock facts the times of a record must agree with.</summary>
public sealed record HeldPatientRuleContext(DateTimeOffset? OutageStartsUtc, DateTimeOffset? GoLiveUtc, TimeZoneInfo TimeZone, DateTimeOffset Now)
{
    public static HeldPatientRuleContext Of(Plans.RegionPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.OutageStartsUtc, plan.GoLiveUtc, plan.TimeZone, now);
    }
}

/// <summary>
/// Validation of a held-patient entry: pure, so the form runs it as the user types and the service
/// runs it again before saving. Messages are keys with their arguments (<see cref="Message"/>).
/// </summary>
public static partial class HeldPatientRules
{
    public const string TimeFormat = "Time_Format";
    public const string TimeInFuture = "Time_Future";
    public const string DischargeBeforeAdmission = "Time_DischargeBeforeAdmission";
    public const string AdmittedBeforeStop = "Time_AdmittedBeforeStop";
    public const string DuringOutage = "Time_DuringOutage";
    public const string BeforeGoLive = "Time_BeforeGoLive";
    public const string AmountFormat = "Amount_Format";
    public const string AmountNegative = "Amount_Negative";
    public const string InvoiceFormat = "Invoice_Format";

    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(10);

    public static (ValidationErrors Errors, HeldPatientValues? Values) Validate(HeldPatientInput input, HeldPatientRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        input = input.Normalized();
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.PatientName), input.PatientName, 50);
        var idNumber = ValidateId(input, context, errors);
        var phone = input.Phone?.Trim();
        ContactRules.CheckPhone(nameof(input.Phone), phone, errors);

        var admitted = ParseTime(nameof(input.AdmittedAt), input.AdmittedAt, context, errors);
        var discharged = ParseTime(nameof(input.DischargedAt), input.DischargedAt, context, errors);
        var visit = ParseTime(nameof(input.VisitAt), input.VisitAt, context, errors);
        CheckTimes(input, context, errors, admitted, discharged, visit);
        var amount = ParseAmount(input, errors);
        var invoices = ParseInvoices(input.InvoiceNumbers, errors);
        errors.LimitLength(nameof(input.Department), input.Department, 50);
        errors.LimitLength(nameof(input.Notes), input.Notes, 1000);

        if (errors.Any)
        {
            return (errors, null);
        }

        return (errors, new HeldPatientValues(
            input.Category, input.PatientName.Trim(), input.IdDocumentType, idNumber, input.InsuranceType,
            string.IsNullOrEmpty(phone) ? null : phone, new CareTimes(admitted, discharged, visit), NullIfEmpty(input.Department),
            amount, invoices, NullIfEmpty(input.Notes)));
    }

    /// <summary>Splits invoice numbers typed with commas, semicolons or spaces.</summary>
    public static IReadOnlyList<string> SplitInvoices(string? text) =>
        (text ?? "").Split([',', '，', ';', '；', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string ValidateId(HeldPatientInput input, HeldPatientRuleContext context, ValidationErrors errors) =>
        IdDocumentRules.Validate(nameof(input.IdNumber), input.IdDocumentType, input.IdNumber, context.Now, context.TimeZone, errors);

    private static DateTime? ParseTime(string field, string? text, HeldPatientRuleContext context, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!LocalTimeText.TryParseToUtc(text, context.TimeZone, out var utc))
        {
            errors.Add(field, TimeFormat);
            return null;
        }

        if (utc > context.Now.UtcDateTime + ClockTolerance)
        {
            errors.Add(field, TimeInFuture);
            return null;
        }

        return utc;
    }

    private static void CheckTimes(HeldPatientInput input, HeldPatientRuleContext context, ValidationErrors errors, DateTime? admitted, DateTime? discharged, DateTime? visit)
    {
        var category = input.Category;
        if (category.IsInpatient() && admitted is null && string.IsNullOrWhiteSpace(input.AdmittedAt))
        {
            errors.Add(nameof(input.AdmittedAt), ValidationErrors.Required);
        }

        if (category == HeldPatientCategory.InpatientDischargedDuringOutage && discharged is null && string.IsNullOrWhiteSpace(input.DischargedAt))
        {
            errors.Add(nameof(input.DischargedAt), ValidationErrors.Required);
        }

        if (category == HeldPatientCategory.OutpatientAdvance && visit is null && string.IsNullOrWhiteSpace(input.VisitAt))
        {
            errors.Add(nameof(input.VisitAt), ValidationErrors.Required);
        }

        if (category == HeldPatientCategory.RemoteCare && admitted is null && visit is null &&
            string.IsNullOrWhiteSpace(input.AdmittedAt) && string.IsNullOrWhiteSpace(input.VisitAt))
        {
            errors.Add(nameof(input.AdmittedAt), ValidationErrors.Required);
        }

        if (admitted is { } a && discharged is { } d && d < a)
        {
            errors.Add(nameof(input.DischargedAt), DischargeBeforeAdmission);
        }

        var stop = context.OutageStartsUtc?.UtcDateTime;
        var live = context.GoLiveUtc?.UtcDateTime;
        var shownStop = LocalTimeText.FromUtc(stop, context.TimeZone) ?? "";
        var shownLive = LocalTimeText.FromUtc(live, context.TimeZone) ?? "";
        switch (category)
        {
            case HeldPatientCategory.InpatientSpanningOutage when admitted >= stop:
                errors.Add(nameof(input.AdmittedAt), new Message(AdmittedBeforeStop, shownStop));
                break;
            case HeldPatientCategory.InpatientAdmittedDuringOutage when admitted < stop || admitted >= live:
                errors.Add(nameof(input.AdmittedAt), new Message(DuringOutage, shownStop, shownLive));
                break;
            case HeldPatientCategory.InpatientDischargedDuringOutage when discharged < stop || discharged >= live:
                errors.Add(nameof(input.DischargedAt), new Message(DuringOutage, shownStop, shownLive));
                break;
            case HeldPatientCategory.OutpatientAdvance when visit < stop || visit >= live:
                errors.Add(nameof(input.VisitAt), new Message(DuringOutage, shownStop, shownLive));
                break;
            case HeldPatientCategory.MaternityOrSingleDisease or HeldPatientCategory.RemoteCare when (admitted ?? visit) >= live:
                errors.Add(admitted is null ? nameof(input.VisitAt) : nameof(input.AdmittedAt), new Message(BeforeGoLive, shownLive));
                break;
        }
    }

    private static decimal? ParseAmount(HeldPatientInput input, ValidationErrors errors)
    {
        var text = input.Amount?.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            if (input.Category == HeldPatientCategory.OutpatientAdvance)
            {
                errors.Add(nameof(input.Amount), ValidationErrors.Required);
            }

            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ||
            decimal.Round(amount, 2) != amount || amount > 10_000_000m)
        {
            errors.Add(nameof(input.Amount), AmountFormat);
            return null;
        }

        if (amount < 0)
        {
            errors.Add(nameof(input.Amount), AmountNegative);
            return null;
        }

        return amount;
    }

    private static IReadOnlyList<string> ParseInvoices(string? text, ValidationErrors errors)
    {
        var invoices = SplitInvoices(text);
        if (invoices.Any(i => !InvoiceNumber().IsMatch(i)) || invoices.Count > 50)
        {
            errors.Add(nameof(HeldPatientInput.InvoiceNumbers), InvoiceFormat);
        }

        return invoices;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex InvoiceNumber();
}
