using Dashboard.Core.Accounts;

namespace Dashboard.Core.Access;

/// <summary>
/// Who is asking and what they may see: every service query and command takes one, and filters
/// by it on the server. A billing desk sees its facility; supervisors and managers their regions;
/// administrators everything.
/// </summary>
public sealed record AccessScope(
    string UserId,
    string UserName,
    UserRole Role,
    int? FacilityId,
    IReadOnlySet<int> RegionIds,
    string? ClientAddress)
{
    public bool IsAdmin => Role == UserRole.Admin;

    public bool CanSeeRegion(int regionId) => IsAdmin || RegionIds.Contains(regionId);

    public bool CanSeeFacility(int facilityId, int regionId) =>
        Role == UserRole.BillingDesk ? FacilityId == facilityId : CanSeeRegion(regionId);

    /// <summary>Full ID numbers and phones, on a record's own page only (each reveal is audited).</summary>
    public bool MayRevealPersonalData => Role is UserRole.BillingDesk or UserRole.Supervisor or UserRole.Admin;
}
