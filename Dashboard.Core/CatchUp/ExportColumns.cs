using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Privacy;

namespace Dashboard.Core.CatchUp;

public enum ExportCellKind
{
    Text,

    /// <summary>An instant, written as a local date and time.</summary>
    DateTime,

    /// <summary>A calendar day (<see cref="DateOnly"/>), written as a date without a time.</summary>
    Date,
    Number,

    /// <summary>An amount in yuan, a number shown with two decimals.</summary>
    Money,
}

/// <summary>One column of a catch-up sheet: header key, width (CJK counts about two units), kind, value.</summary>
public sealed record ExportColumn<T>(string Key, string HeaderKey, double Width, ExportCellKind Kind, Func<T, ExportText, object?> Value)
{
    /// <summary>
    /// The value written for a caller who gets no full personal data (see <see cref="PersonalDataChoice"/>):
    /// masked exactly as the lists show it. Null for columns that are the same for everyone.
    /// </summary>
    public Func<T, ExportText, object?>? MaskedValue { get; init; }
}

/// <summary>Localized header and value texts for an export (the UI supplies them from its resources).</summary>
public sealed record ExportText(Func<string, string> Get)
{
    public string Enum<TEnum>(string prefix, TEnum value) where TEnum : struct, System.Enum => Get($"{prefix}_{value}");

    /// <summary>Each region's catch-up deadline by region id, for the note beside a record's deadline.</summary>
    public IReadOnlyDictionary<int, Plans.CatchUpDeadline> CatchUpByRegion { get; init; } = new Dictionary<int, Plans.CatchUpDeadline>();

    /// <summary>
    /// What a reader must know about a record's deadline that the date cell cannot say: it is only
    /// an estimate (预计), or it could not be computed for want of a holiday year. Null when firm.
    /// </summary>
    public string? DeadlineNote(int regionId) => CatchUpByRegion.GetValueOrDefault(regionId) switch
    {
        { MissingCalendarYear: { } year } => string.Format(System.Globalization.CultureInfo.InvariantCulture, Get("Deadline_CannotCompute"), year),
        { IsEstimate: true, IsKnown: true } => Get("Export_DeadlineEstimated"),
        _ => null,
    };

    /// <summary>The time zone of the export's local dates (the last day of a deadline).</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The export's instant, for the overdue flag (read once from the TimeProvider by the exporter).</summary>
    public DateTime NowUtc { get; init; }

    /// <summary>
    /// The last day a record may still be caught up: the deadline is stored as the end instant of that
    /// day (24:00, i.e. 00:00 of the next), as the UI shows it. Null without a deadline.
    /// </summary>
    public static DateOnly? LastDay(DateTime? deadlineUtc, TimeZoneInfo zone) =>
        deadlineUtc is { } deadline ? CatchUpDeadlineCalculator.LastDayOf(deadline, zone) : null;

    /// <summary>是 for an open record past its deadline, otherwise 否: the same test as the lists' overdue count.</summary>
    public string Overdue(Records.PatientRecord record) =>
        Get(record.IsOpen && record.DeadlineUtc < NowUtc ? "Common_Yes" : "Common_No");

    /// <summary>预计 when the record's deadline is counted from an expected go-live, otherwise empty.</summary>
    public string? EstimateMarker(int regionId) =>
        CatchUpByRegion.GetValueOrDefault(regionId) is { IsEstimate: true, IsKnown: true } ? Get("Export_EstimateMarker") : null;

    /// <summary>The same texts, each looked up once: an export asks for the same few keys on every row.</summary>
    public ExportText Remembered()
    {
        var remembered = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var get = Get;
        return new ExportText(key => remembered.GetOrAdd(key, get)) { CatchUpByRegion = CatchUpByRegion, NowUtc = NowUtc, Zone = Zone };
    }
}

/// <summary>
/// The one set of column definitions, in the order a clerk types them into the new platform.
/// ID numbers, phones and invoice numbers are text; times are local date-times.
/// </summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn<HeldPatient>> HeldPatients =
    [
        new("name", "HP_PatientName", 12, ExportCellKind.Text, (p, _) => p.PatientName),
        new("idType", "HP_IdDocumentType", 14, ExportCellKind.Text, (p, t) => t.Enum("IdDocumentType", p.IdDocumentType)),
        new("idNumber", "HP_IdNumber", 22, ExportCellKind.Text, (p, _) => p.IdNumber) { MaskedValue = (p, _) => PersonalDataMask.IdNumber(p.IdNumber) },
        new("insurance", "HP_InsuranceType", 10, ExportCellKind.Text, (p, t) => t.Enum("InsuranceType", p.InsuranceType)),
        new("category", "HP_Category", 22, ExportCellKind.Text, (p, t) => t.Enum("HPCategory", p.Category)),
        new("admitted", "HP_AdmittedAt", 18, ExportCellKind.DateTime, (p, _) => p.AdmittedUtc),
        new("discharged", "HP_DischargedAt", 18, ExportCellKind.DateTime, (p, _) => p.DischargedUtc),
        new("visit", "HP_VisitAt", 18, ExportCellKind.DateTime, (p, _) => p.VisitUtc),
        new("department", "HP_Department", 12, ExportCellKind.Text, (p, _) => p.Department),
        new("amount", "HP_Amount", 14, ExportCellKind.Money, (p, _) => p.AmountAdvanced),
        new("invoices", "HP_InvoiceNumbers", 30, ExportCellKind.Text, (p, _) => string.Join(",", p.Invoices.Select(i => i.Number))),
        new("phone", "HP_Phone", 16, ExportCellKind.Text, (p, _) => p.Phone) { MaskedValue = (p, _) => p.Phone is null ? null : PersonalDataMask.Phone(p.Phone) },
        new("facility", "HP_Facility", 26, ExportCellKind.Text, (p, _) => p.Facility?.Name),
        new("status", "HP_Status", 10, ExportCellKind.Text, (p, t) => t.Enum("HPStatus", p.Status)),
        new("newPlatform", "HP_NewPlatformNumber", 22, ExportCellKind.Text, (p, _) => p.NewPlatformNumber),
        new("deadline", "Export_DeadlineLastDay", 16, ExportCellKind.Date, (p, t) => ExportText.LastDay(p.DeadlineUtc, t.Zone)),
        new("estimate", "Export_EstimateColumn", 10, ExportCellKind.Text, (p, t) => t.EstimateMarker(p.RegionId)),
        new("overdueFlag", "HP_Overdue", 8, ExportCellKind.Text, (p, t) => t.Overdue(p)),
        new("deadlineNote", "Export_DeadlineNote", 30, ExportCellKind.Text, (p, t) => t.DeadlineNote(p.RegionId)),
        new("notes", "HP_Notes", 30, ExportCellKind.Text, (p, _) => p.Notes),
        new("entered", "HP_EnteredAt", 18, ExportCellKind.DateTime, (p, _) => p.EnteredUtc),
        new("id", "Export_RecordId", 10, ExportCellKind.Number, (p, _) => p.Id),
    ];

    public static readonly IReadOnlyList<ExportColumn<PaperForm>> PaperForms =
    [
        new("serial", "PF_Serial", 12, ExportCellKind.Text, (f, _) => f.SerialNumber),
        new("kind", "PF_Kind", 18, ExportCellKind.Text, (f, t) => t.Enum("PFKind", f.Kind)),
        new("subkind", "PF_Subkind", 14, ExportCellKind.Text, (f, t) => t.Enum("PFSubkind", f.Subkind)),
        new("name", "HP_PatientName", 12, ExportCellKind.Text, (f, _) => f.PatientName),
        new("idType", "HP_IdDocumentType", 14, ExportCellKind.Text, (f, t) => t.Enum("IdDocumentType", f.IdDocumentType)),
        new("idNumber", "HP_IdNumber", 22, ExportCellKind.Text, (f, _) => f.IdNumber) { MaskedValue = (f, _) => PersonalDataMask.IdNumber(f.IdNumber) },
        new("from", "PF_FromPlace", 22, ExportCellKind.Text, (f, _) => f.FromPlace),
        new("destination", "PF_Destination", 22, ExportCellKind.Text, (f, _) => f.Destination),
        new("issued", "PF_IssuedAt", 18, ExportCellKind.DateTime, (f, _) => f.IssuedUtc),
        new("reason", "PF_Reason", 24, ExportCellKind.Text, (f, _) => f.Reason),
        new("signed", "PF_Signed", 10, ExportCellKind.Text, (f, t) => t.Get(f.SignedAndStamped ? "Common_Yes" : "Common_No")),
        new("issuedBy", "PF_IssuedBy", 12, ExportCellKind.Text, (f, _) => f.IssuedBy),
        new("facility", "HP_Facility", 26, ExportCellKind.Text, (f, _) => f.Facility?.Name),
        new("status", "HP_Status", 10, ExportCellKind.Text, (f, t) => t.Enum("PFStatus", f.Status)),
        new("filingNumber", "PF_FilingNumber", 22, ExportCellKind.Text, (f, _) => f.FilingNumber),
        new("deadline", "Export_DeadlineLastDay", 16, ExportCellKind.Date, (f, t) => ExportText.LastDay(f.DeadlineUtc, t.Zone)),
        new("estimate", "Export_EstimateColumn", 10, ExportCellKind.Text, (f, t) => t.EstimateMarker(f.RegionId)),
        new("overdueFlag", "HP_Overdue", 8, ExportCellKind.Text, (f, t) => t.Overdue(f)),
        new("deadlineNote", "Export_DeadlineNote", 30, ExportCellKind.Text, (f, t) => t.DeadlineNote(f.RegionId)),
        new("entered", "HP_EnteredAt", 18, ExportCellKind.DateTime, (f, _) => f.EnteredUtc),
        new("id", "Export_RecordId", 10, ExportCellKind.Number, (f, _) => f.Id),
    ];

    /// <summary>The columns as written for a caller without full personal data: each masked column's masked value.</summary>
    public static IReadOnlyList<ExportColumn<T>> Masked<T>(IReadOnlyList<ExportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns.Select(c => c.MaskedValue is { } masked ? c with { Value = masked } : c)];
    }

    public static readonly IReadOnlyList<ExportColumn<CatchUpSummaryRow>> Summary =
    [
        new("facility", "HP_Facility", 30, ExportCellKind.Text, (r, _) => r.FacilityName),
        new("what", "Export_What", 24, ExportCellKind.Text, (r, _) => r.What),
        new("outstanding", "Export_Outstanding", 10, ExportCellKind.Number, (r, _) => r.Outstanding),
        new("overdue", "HP_Overdue", 10, ExportCellKind.Number, (r, _) => r.Overdue),
        new("oldest", "Export_Oldest", 18, ExportCellKind.DateTime, (r, _) => r.OldestUtc),
    ];
}
