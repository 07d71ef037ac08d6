using Dashboard.Core.Paging;

namespace Dashboard.Core.Audit;

public sealed record AuditFilter(string? Action = null, string? UserName = null, string? EntityType = null, string? EntityId = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>Reads the audit trail: administrators all of it, filtered and paged in the database.</summary>
public sealed class AuditQueryService(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<AuditEvent>?> SearchAsync(AccessScope scope, AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, nameof(AuditEvent), "*", "list", cancellationToken);
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.AuditEvents.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEvent>(items, total);
    }

    /// <summary>A record's own history, for its page (the caller has already been allowed to see it).</summary>
    public async Task<IReadOnlyList<AuditEvent>> HistoryAsync(string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEvent> Filter(IQueryable<AuditEvent> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId.Trim());
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.OccurredUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(a => a.OccurredUtc < to);
        }

        return query;
    }
}
