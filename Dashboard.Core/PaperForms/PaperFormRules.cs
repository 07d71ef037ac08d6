using System.Text.RegularExpressions;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Core.PaperForms;

/// <summary>Validation of a paper form's fields; pure, run by the service before saving.</summary>
public static partial class PaperFormRules
{
    public const string SerialFormat = "Form_SerialFormat";
    public const string SubkindMismatch = "Form_SubkindMismatch";

    public static (ValidationErrors Errors, PaperFormValues? Values) Validate(PaperFormInput input, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Normalized();
        var errors = new ValidationErrors();
        var serial = input.SerialNumber?.Trim() ?? "";
        if (serial.Length == 0)
        {
            errors.Add(nameof(input.SerialNumber), ValidationErrors.Required);
        }
        else if (!Serial().IsMatch(serial))
        {
            errors.Add(nameof(input.SerialNumber), SerialFormat);
        }

        if (!input.Kind.Subkinds().Contains(input.Subkind))
        {
            errors.Add(nameof(input.Subkind), SubkindMismatch);
        }

        errors.RequireText(nameof(input.PatientName), input.PatientName, 50);
        var id = IdDocumentRules.Validate(nameof(input.IdNumber), input.IdDocumentType, input.IdNumber, now, timeZone, errors);
        if (input.Kind != PaperFormKind.OfflineIntake)
        {
            errors.RequireText(nameof(input.Destination), input.Destination, 100);
        }

        errors.LimitLength(nameof(input.FromPlace), input.FromPlace, 100);
        errors.LimitLength(nameof(input.Reason), input.Reason, 500);
        errors.RequireText(nameof(input.IssuedBy), input.IssuedBy, 50);
        DateTime issued = default;
        if (string.IsNullOrWhiteSpace(input.IssuedAt))
        {
            errors.Add(nameof(input.IssuedAt), ValidationErrors.Required);
        }
        else if (!LocalTimeText.TryParseToUtc(input.IssuedAt, timeZone, out issued))
        {
            errors.Add(nameof(input.IssuedAt), HeldPatientRules.TimeFormat);
        }
        else if (issued > now.UtcDateTime.AddMinutes(10))
        {
            errors.Add(nameof(input.IssuedAt), HeldPatientRules.TimeInFuture);
        }

        return errors.Any
            ? (errors, null)
            : (errors, new PaperFormValues(input.Kind, input.Subkind, serial.ToUpperInvariant(), input.PatientName.Trim(), input.IdDocumentType, id,
                Trim(input.FromPlace), Trim(input.Destination), issued, Trim(input.Reason), input.SignedAndStamped, input.IssuedBy.Trim()));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9-]{1,30}$")]
    private static partial Regex Serial();
}
