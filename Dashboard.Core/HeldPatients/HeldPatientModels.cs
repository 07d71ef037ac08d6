namespace Dashboard.Core.HeldPatients;

/// <summary>What the entry form needs to know about where the desk works.</summary>
public sealed record HeldPatientFormContext(int FacilityId, string FacilityName, int RegionId, RegionPlan Plan)
{
    public HeldPatientRuleContext RulesAt(DateTimeOffset now) => HeldPatientRuleContext.Of(Plan, now);
}

/// <summary>A list row: the ID number is masked.</summary>
public sealed record HeldPatientRow(
    int Id,
    string FacilityName,
    HeldPatientCategory Category,
    string PatientName,
    string MaskedIdNumber,
    HeldPatientStatus Status,
    DateTime EnteredUtc,
    DateTime? StartUtc,
    DateTime? DeadlineUtc,
    bool IsOverdue,
    decimal? AmountAdvanced,
    int RegionId)
{
    /// <summary>The region's catch-up deadline the record's deadline comes from: whether it is an estimate, or why there is none.</summary>
    public CatchUpDeadline? CatchUp { get; init; }
}

/// <summary>A record's page. ID number and phone are masked; the full values need an audited reveal.</summary>
public sealed record HeldPatientDetails(
    int Id,
    int FacilityId,
    string FacilityName,
    string? FacilityPhone,
    string? FacilityAddress,
    int RegionId,
    string RegionCode,
    TimeZoneInfo TimeZone,
    HeldPatientCategory Category,
    string PatientName,
    IdDocumentType IdDocumentType,
    string MaskedIdNumber,
    InsuranceType InsuranceType,
    string? MaskedPhone,
    DateTime? AdmittedUtc,
    DateTime? DischargedUtc,
    DateTime? VisitUtc,
    string? Department,
    decimal? AmountAdvanced,
    IReadOnlyList<string> InvoiceNumbers,
    string? Notes,
    HeldPatientStatus Status,
    string? NewPlatformNumber,
    string? VoidReason,
    DateTime? DeadlineUtc,
    bool IsOverdue,
    string EnteredByName,
    DateTime EnteredUtc,
    DateTime UpdatedUtc,
    long Version)
{
    /// <summary>The region's catch-up deadline the record's deadline comes from: whether it is an estimate, or why there is none.</summary>
    public CatchUpDeadline? CatchUp { get; init; }
}

public sealed record RevealedPersonalData(string IdNumber, string? Phone);

public sealed record DuplicateMatch(int Id, string FacilityName, DateTime EnteredUtc, HeldPatientStatus Status, bool CallerMaySee);

public enum HeldPatientSortColumn
{
    EnteredUtc,
    PatientName,
    Category,
    Status,
    DeadlineUtc,
    StartUtc,
}

public sealed record HeldPatientFilter(
    string? Search = null,
    HeldPatientCategory? Category = null,
    HeldPatientStatus? Status = null,
    bool OverdueOnly = false,
    int? FacilityId = null,
    HeldPatientSortColumn SortBy = HeldPatientSortColumn.EnteredUtc,
    bool Descending = true);

