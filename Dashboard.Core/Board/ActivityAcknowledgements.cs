namespace Dashboard.Core.Board;

/// <summary>
/// Up to when each person acknowledged the board's activity strip. Kept on the account, so an
/// acknowledged entry stays acknowledged in every tab and after a reload; a newer one stays highlighted.
/// </summary>
public sealed class ActivityAcknowledgements(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<DateTimeOffset?> SeenUpToAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seen = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.ActivitySeenUtc).SingleOrDefaultAsync(cancellationToken);
        return seen is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>Marks everything up to <paramref name="upTo"/> (the newest entry the person saw) as seen; never moves back.</summary>
    public async Task AcknowledgeAsync(AccessScope scope, DateTimeOffset upTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var utc = upTo.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == scope.UserId && (u.ActivitySeenUtc == null || u.ActivitySeenUtc < utc))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ActivitySeenUtc, utc), cancellationToken);
    }
}
