using Dashboard.Core.Access;
using Dashboard.Core.Facilities;
using Dashboard.Core.Persistence;

namespace Dashboard.Core.HeldPatients;

/// <summary>
/// A patient whose insurance registration or settlement waits for the new platform (在途/挂账患者).
/// Never deleted: withdrawn records are voided with a reason.
/// </summary>
public class HeldPatient : IFacilityScoped, IVersioned, CatchUp.IHasDeadline
{
    public int Id { get; set; }

    public int FacilityId { get; set; }

    public Facility? Facility { get; set; }

    /// <summary>The facility's region, kept on the record so scoping and region queries need no join.</summary>
    public int RegionId { get; set; }

    public HeldPatientCategory Category { get; set; }

    public required string PatientName { get; set; }

    public IdDocumentType IdDocumentType { get; set; }

    /// <summary>Normalized: trimmed, upper-case (a resident ID's check character x becomes X).</summary>
    public required string IdNumber { get; set; }

    public InsuranceType InsuranceType { get; set; }

    public string? Phone { get; set; }

    public DateTime? AdmittedUtc { get; set; }

    public DateTime? DischargedUtc { get; set; }

    public DateTime? VisitUtc { get; set; }

    public string? Department { get; set; }

    /// <summary>Yuan with 2 decimals; stored as fen so SQLite can sort and sum it.</summary>
    public decimal? AmountAdvanced { get; set; }

    /// <summary>The ID number backwards, so "the last digits" is an indexed prefix search.</summary>
    public string IdNumberReversed { get; set; } = "";

    public List<HeldPatientInvoice> Invoices { get; set; } = [];

    public string? Notes { get; set; }

    public HeldPatientStatus Status { get; set; }

    /// <summary>The new platform's registration or settlement number (required from ReRegistered on).</summary>
    public string? NewPlatformNumber { get; set; }

    public string? VoidReason { get; set; }

    /// <summary>End of the region's catch-up window; recomputed when the plan's go-live moves.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public required string EnteredByUserId { get; set; }

    public required string EnteredByName { get; set; }

    public DateTime EnteredUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the record stopped being outstanding (closed, voided, back-entered, rejected); for the burndown.</summary>
    public DateTime? ResolvedUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>An invoice number of a held patient, in its own indexed table so one number is found at once.</summary>
public class HeldPatientInvoice
{
    public int Id { get; set; }

    public int HeldPatientId { get; set; }

    public required string Number { get; set; }
}
