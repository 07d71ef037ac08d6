using System.Globalization;

namespace Dashboard.Core.Notifications;

/// <summary>
/// One pass over what may need telling: milestone changes since the audit cursor, the plans' due and
/// late milestones at this moment, and facilities whose overdue count reached a target's threshold.
/// What it finds goes into the outbox in one transaction with the cursor and the threshold states, so a
/// pass interrupted by a restart is simply done again, and keys already queued are skipped.
/// </summary>
public sealed class NotificationScanner(
    IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, NotificationOutbox outbox, TimeProvider clock)
{
    private const int CursorId = 1;

    /// <summary>The advisory lock ('scan') under which one PostgreSQL node at a time scans.</summary>
    public const long ScanLockKey = 0x7363616e;

    /// <summary>Scans once; returns when the next time-driven event begins (null when none lies ahead).</summary>
    public async Task<DateTimeOffset?> ScanAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Several nodes scan one at a time, so two never read the same cursor and queue the same events.
        await using var scan = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (scan is not null)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ScanLockKey})", cancellationToken);
        }

        var targets = await db.WebhookTargets.AsNoTracking().Include(t => t.Region).Where(t => t.IsActive).ToListAsync(cancellationToken);
        var queued = new List<QueuedNotification>();
        await ReadChangesAsync(db, targets, queued, cancellationToken);

        DateTimeOffset? next = null;
        foreach (var region in targets.GroupBy(t => t.RegionId))
        {
            if (await plans.GetPlanAsync(region.Key, cancellationToken) is not { } plan)
            {
                continue;
            }

            AddClockEvents(plan, region.ToList(), now, queued);
            next = Earliest(next, MilestoneClockEvents.NextAfter(plan, now));
            await AddOverdueCrossingsAsync(db, region.Key, region.ToList(), now, queued, cancellationToken);
        }

        var added = await outbox.AddAsync(db, queued, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (scan is not null)
        {
            await scan.CommitAsync(cancellationToken);
        }

        if (added > 0)
        {
            outbox.Queued.Set();
        }

        return next;
    }

    /// <summary>Milestone changes from the audit trail for the targets that want them; moves the cursor past them.</summary>
    private static async Task ReadChangesAsync(DashboardDbContext db, List<WebhookTarget> targets, List<QueuedNotification> queued, CancellationToken cancellationToken)
    {
        var cursor = await db.NotificationCursors.FindAsync([CursorId], cancellationToken);
        if (cursor is null)
        {
            // The first start: changes made before notifications existed are history, not news.
            var last = await db.AuditEvents.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
            db.NotificationCursors.Add(new NotificationCursor { Id = CursorId, LastAuditEventId = last });
            return;
        }

        while (true)
        {
            var (changes, lastId) = await MilestoneChangeEvents.ReadAsync(db, cursor.LastAuditEventId, cancellationToken);
            cursor.LastAuditEventId = lastId;
            foreach (var change in changes)
            {
                var key = NotificationEventKeys.Change + ":" + change.AuditEventId.ToString(CultureInfo.InvariantCulture);
                queued.AddRange(targets.Where(t => t.RegionId == change.RegionId && t.Wants(NotificationEvents.MilestoneChanged))
                    .Select(t => new QueuedNotification(t.Id, key, change.Content)));
            }

            if (changes.Count < MilestoneChangeEvents.BatchSize)
            {
                return;
            }
        }
    }

    private static void AddClockEvents(RegionPlan plan, List<WebhookTarget> targets, DateTimeOffset now, List<QueuedNotification> queued)
    {
        var region = RegionOf(targets[0]);
        foreach (var e in MilestoneClockEvents.At(plan, now))
        {
            var content = new NotificationContent(MilestoneClockEvents.EventType(e.Kind), now, region)
            {
                Milestone = MilestoneParts.From(e.Milestone, plan.TimeZone, now),
            };
            queued.AddRange(targets.Where(t => t.Wants(e.Kind)).Select(t => new QueuedNotification(t.Id, e.Key, content)));
        }
    }

    /// <summary>
    /// A facility at or over a target's threshold is reported when it gets there, once: the state is kept
    /// per target and facility, and falling below arms it again.
    /// </summary>
    private static async Task AddOverdueCrossingsAsync(
        DashboardDbContext db, int regionId, List<WebhookTarget> targets, DateTimeOffset now, List<QueuedNotification> queued, CancellationToken cancellationToken)
    {
        var watching = targets.Where(t => t.Wants(NotificationEvents.OverdueThreshold)).ToList();
        if (watching.Count == 0)
        {
            return;
        }

        var facilities = await FacilityOverdueCounts.ReadAsync(db, regionId, now, cancellationToken);
        var targetIds = watching.Select(t => t.Id).ToList();
        var states = await db.OverdueWatches.Where(w => targetIds.Contains(w.TargetId)).ToDictionaryAsync(w => (w.TargetId, w.FacilityId), cancellationToken);
        foreach (var target in watching)
        {
            foreach (var facility in facilities)
            {
                var above = facility.Overdue >= target.OverdueThreshold;
                if (!states.TryGetValue((target.Id, facility.FacilityId), out var state))
                {
                    if (!above)
                    {
                        continue;
                    }

                    state = new OverdueWatch { TargetId = target.Id, FacilityId = facility.FacilityId };
                    db.OverdueWatches.Add(state);
                }

                if (above && !state.IsAbove)
                {
                    var key = string.Create(CultureInfo.InvariantCulture, $"{NotificationEventKeys.Overdue}:{facility.FacilityId}:{target.OverdueThreshold}:{now.UtcTicks}");
                    queued.Add(new QueuedNotification(target.Id, key, new NotificationContent(NotificationEventTypes.FacilityOverdue, now, RegionOf(target))
                    {
                        Facility = new FacilityPart(facility.FacilityId, facility.Name, facility.Overdue, facility.Outstanding, target.OverdueThreshold),
                    }));
                }

                state.IsAbove = above;
            }
        }
    }

    private static RegionPart RegionOf(WebhookTarget target) => new(target.Region!.Code, target.Region.NameZh, target.Region.NameEn);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
