namespace Dashboard.Core.Facilities;

public enum FacilityKind
{
    Hospital,
    Clinic,
    Pharmacy,
    /// <summary>The agency's service window (经办窗口): where offline intake (线下受理) is kept.</summary>
    AgencyWindow,
}

/// <summary>A designated hospital, clinic or pharmacy (定点医药机构) in a region. Deactivated, never deleted.</summary>
public class Facility : IVersioned
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    /// <summary>The facility's code in the insurance system; unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public FacilityKind Kind { get; set; }

    /// <summary>The facility's public contact phone for patients (printed on notice slips).</summary>
    public string? ContactPhone { get; set; }

    public string? Address { get; set; }

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}
