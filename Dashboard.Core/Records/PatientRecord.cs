using Dashboard.Core.Access;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;

namespace Dashboard.Core.Records;

/// <summary>
/// What every record a facility logs about a patient has: where it belongs, who it is about, its
/// catch-up deadline, who entered it and when, when it stopped being outstanding, and its version.
/// </summary>
public abstract class PatientRecord : IFacilityScoped, IVersioned, IHasDeadline
{
    public int Id { get; set; }

    public int FacilityId { get; set; }

    public Facility? Facility { get; set; }

    /// <summary>The facility's region, kept on the record so scoping and region queries need no join.</summary>
    public int RegionId { get; set; }

    /// <summary>Set with <see cref="SetPatientName"/>, which keeps <see cref="PatientNameSortKey"/> in step.</summary>
    public required string PatientName { get; set; }

    /// <summary>The name's pinyin sort key (<see cref="PatientNameCollation"/>); lists sort names by it.</summary>
    public byte[]? PatientNameSortKey { get; private set; }

    public IdDocumentType IdDocumentType { get; set; }

    /// <summary>Normalized: trimmed, upper-case (a resident ID's check character x becomes X).</summary>
    public required string IdNumber { get; set; }

    /// <summary>End of the region's catch-up window; recomputed when the plan's go-live moves.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public required string EnteredByUserId { get; set; }

    public required string EnteredByName { get; set; }

    public DateTime EnteredUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the record stopped being outstanding (closed, voided, back-entered, rejected); for the burndown.</summary>
    public DateTime? ResolvedUtc { get; set; }

    public long Version { get; set; }

    public void SetPatientName(string name)
    {
        PatientName = name;
        PatientNameSortKey = PatientNameCollation.SortKey(name);
    }
}
