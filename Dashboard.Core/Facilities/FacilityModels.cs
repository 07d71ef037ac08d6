namespace Dashboard.Core.Facilities;

public sealed record FacilityRow(
    int Id,
    string Code,
    string Name,
    FacilityKind Kind,
    int RegionId,
    string RegionCode,
    LocalizedText RegionName,
    string? ContactPhone,
    string? Address,
    bool IsActive,
    long Version);

/// <summary>What an administrator enters for a facility.</summary>
public sealed class FacilityInput
{
    public int RegionId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public FacilityKind Kind { get; set; }

    public string? ContactPhone { get; set; }

    public string? Address { get; set; }
}
