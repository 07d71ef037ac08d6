namespace Dashboard.Core.Access;

/// <summary>A record that belongs to one facility (and so to that facility's region).</summary>
public interface IFacilityScoped
{
    int FacilityId { get; }

    int RegionId { get; }
}
