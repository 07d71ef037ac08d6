using Dashboard.Core.Accounts;

namespace Dashboard.Core.Access;

/// <summary>The one place where a scope becomes a WHERE clause.</summary>
internal static class ScopeFilters
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, AccessScope scope)
        where T : IFacilityScoped
    {
        ArgumentNullException.ThrowIfNull(scope);
        var regionIds = scope.RegionIds.ToList();
        return scope.Role switch
        {
            UserRole.Admin => records,
            UserRole.BillingDesk => records.Where(r => r.FacilityId == scope.FacilityId),
            _ => records.Where(r => regionIds.Contains(r.RegionId)),
        };
    }

    public static IQueryable<Facility> VisibleTo(this IQueryable<Facility> facilities, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var regionIds = scope.RegionIds.ToList();
        return scope.Role switch
        {
            UserRole.Admin => facilities,
            UserRole.BillingDesk => facilities.Where(f => f.Id == scope.FacilityId),
            _ => facilities.Where(f => regionIds.Contains(f.RegionId)),
        };
    }
}
