using Dashboard.Core.HeldPatients;

namespace Dashboard.Core.PaperForms;

/// <summary>A facility (or agency window) the caller may register forms at, with the kinds allowed there.</summary>
public sealed record FormPlace(int FacilityId, string FacilityName, FacilityKind FacilityKind, int RegionId, IReadOnlyList<PaperFormKind> Kinds);

/// <summary>The places a caller registers forms at, and the time zone each form's times are typed in.</summary>
public sealed record PaperFormContext(IReadOnlyList<FormPlace> Places, IReadOnlyDictionary<int, TimeZoneInfo> Zones)
{
    public FormPlace? PlaceOf(int facilityId) => Places.FirstOrDefault(p => p.FacilityId == facilityId);

    public TimeZoneInfo ZoneOf(FormPlace place) => Zones.GetValueOrDefault(place?.RegionId ?? 0) ?? RegionTimeZone.Default;
}

public sealed record PaperFormRow(
    int Id, string FacilityName, PaperFormKind Kind, PaperFormSubkind Subkind, string SerialNumber, string PatientName, string MaskedIdNumber,
    string? Destination, DateTime IssuedUtc, PaperFormStatus Status, DateTime? DeadlineUtc, bool IsOverdue, int RegionId)
{
    /// <summary>The region's catch-up deadline the record's deadline comes from: whether it is an estimate, or why there is none.</summary>
    public CatchUpDeadline? CatchUp { get; init; }
}

public sealed record PaperFormDetails(
    int Id, int FacilityId, string FacilityName, int RegionId, TimeZoneInfo TimeZone, PaperFormKind Kind, PaperFormSubkind Subkind, string SerialNumber,
    string PatientName, IdDocumentType IdDocumentType, string MaskedIdNumber, string? FromPlace, string? Destination, DateTime IssuedUtc,
    string? Reason, bool SignedAndStamped, string IssuedBy, int? HeldPatientId, string? HeldPatientName, PaperFormStatus Status,
    string? FilingNumber, string? StatusReason, DateTime? DeadlineUtc, bool IsOverdue, string EnteredByName, DateTime EnteredUtc, long Version)
{
    /// <summary>The region's catch-up deadline the record's deadline comes from: whether it is an estimate, or why there is none.</summary>
    public CatchUpDeadline? CatchUp { get; init; }
}

public enum PaperFormSortColumn
{
    EnteredUtc,
    SerialNumber,
    PatientName,
    IssuedUtc,
    DeadlineUtc,
    Status,
}

public sealed record PaperFormFilter(
    string? Search = null, PaperFormKind? Kind = null, PaperFormStatus? Status = null, bool OverdueOnly = false, int? HeldPatientId = null,
    PaperFormSortColumn SortBy = PaperFormSortColumn.EnteredUtc, bool Descending = true);


/// <summary>One stock range with what became of each number in it.</summary>
public sealed record StockRangeReport(
    int RangeId, string FacilityName, PaperFormKind Kind, string FirstSerial, string LastSerial, string? IssuedTo,
    int Used, int Voided, IReadOnlyList<string> Missing, int Remaining);

public sealed class StockRangeInput
{
    public int FacilityId { get; set; }

    public PaperFormKind Kind { get; set; } = PaperFormKind.TransferReferral;

    public string FirstSerial { get; set; } = "";

    public string LastSerial { get; set; } = "";

    public string? IssuedTo { get; set; }
}

/// <summary>For the held patient's page: the forms linked to it.</summary>
public sealed record LinkedForm(int Id, PaperFormKind Kind, string SerialNumber, PaperFormStatus Status);
