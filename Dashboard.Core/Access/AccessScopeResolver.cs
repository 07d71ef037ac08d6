namespace Dashboard.Core.Access;

/// <summary>
/// Builds a user's scope from the database on each use, so a change of role, facility or regions,
/// or a disabled account, takes effect at once rather than at the next sign-in.
/// </summary>
public sealed class AccessScopeResolver(IDbContextFactory<DashboardDbContext> dbFactory)
{
    /// <summary>The scope, or null if the user does not exist or is disabled.</summary>
    public async Task<AccessScope?> ResolveAsync(string userId, string? clientAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Role,
                u.FacilityId,
                FacilityRegionId = u.Facility == null ? (int?)null : u.Facility.RegionId,
                RegionIds = u.Regions.Select(r => r.RegionId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var regions = user.FacilityRegionId is { } facilityRegion ? [facilityRegion] : user.RegionIds;
        return new AccessScope(user.Id, user.UserName ?? "", user.Role, user.FacilityId, regions.ToHashSet(), clientAddress);
    }
}
