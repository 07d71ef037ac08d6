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

    /// <summary>Billing desks log held patients and paper forms for their facility.</summary>
    public bool MayEnterRecords => Role == UserRole.BillingDesk;

    /// <summary>Correcting a record's fields: its desk, or an administrator.</summary>
    public bool MayEditRecords => Role is UserRole.BillingDesk or UserRole.Admin;

    /// <summary>Moving a record on (re-registered, settled, closed, voided): desks, managers, administrators.</summary>
    public bool MayChangeRecordStatus => Role is UserRole.BillingDesk or UserRole.Manager or UserRole.Admin;

    /// <summary>Full ID numbers and phones, on a record's own page only (each reveal is audited).</summary>
    public bool MayRevealPersonalData => Role is UserRole.BillingDesk or UserRole.Supervisor or UserRole.Admin;
}
