using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Notifications;

/// <summary>
/// Milestone changes read back from the audit trail, which records each one in the same transaction
/// as the change: added, corrected, moved, confirmed, marked, removed. Reading them after the fact
/// keeps the editing code free of notifications and loses none (the cursor is saved with the outbox rows).
/// </summary>
public static class MilestoneChangeEvents
{
    public const int BatchSize = 200;

    private static readonly string[] Actions =
        [AuditActions.Create, AuditActions.Update, AuditActions.StatusChange, AuditActions.MilestoneMove, AuditActions.Deactivate];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public sealed record Change(long AuditEventId, int RegionId, NotificationContent Content);

    /// <summary>The next changes after <paramref name="afterId"/>, oldest first, and the last audit id read.</summary>
    public static async Task<(IReadOnlyList<Change> Changes, long LastId)> ReadAsync(DashboardDbContext db, long afterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Id > afterId && a.EntityType == nameof(Milestone) && Actions.Contains(a.Action))
            .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return ([], afterId);
        }

        var milestoneIds = events.Select(e => MilestoneId(e)).OfType<int>().Distinct().ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => milestoneIds.Contains(m.Id))
            .Select(m => new { m.Id, m.TitleEn, m.Plan!.RegionId, m.Plan.TimeZoneId, Region = m.Plan.Region! })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var userIds = events.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var changes = new List<Change>();
        foreach (var e in events)
        {
            // An event that cannot be read is skipped, not retried: the cursor must move past it.
            if (MilestoneId(e) is not { } id || !milestones.TryGetValue(id, out var milestone) || Read(e.AfterJson) is not { } after)
            {
                continue;
            }

            var zone = RegionTimeZone.Of(milestone.TimeZoneId);
            var occurred = new DateTimeOffset(DateTime.SpecifyKind(e.OccurredUtc, DateTimeKind.Utc));
            var view = after.ToView(milestone.Id, milestone.TitleEn);
            var part = MilestoneParts.From(view, zone, occurred);
            if (Read(e.BeforeJson) is { } before && before.DueUtc != after.DueUtc)
            {
                part = part with { PreviousLocalTime = MilestoneTimeText.Format(before.ToView(milestone.Id, milestone.TitleEn), zone) };
            }

            var by = e.UserId is { } userId && names.TryGetValue(userId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : e.UserName;
            var region = new RegionPart(milestone.Region.Code, milestone.Region.NameZh, milestone.Region.NameEn);
            changes.Add(new Change(e.Id, milestone.RegionId, new NotificationContent(NotificationEventTypes.MilestoneChanged, occurred, region)
            {
                Milestone = part,
                Change = new ChangePart(e.Action, by),
            }));
        }

        return (changes, events[^1].Id);
    }

    private static int? MilestoneId(AuditEvent e) =>
        int.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static Snapshot? Read(string? json)
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<Snapshot>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The milestone as <see cref="PlanEditingService"/> writes it into the audit trail.</summary>
    private sealed record Snapshot(
        MilestoneKind Kind, DateTime DueUtc, MilestonePrecision Precision, bool WrittenAsEndOfDay, bool IsEstimated, MilestoneStatus Status, string TitleZh)
    {
        public MilestoneView ToView(int id, string titleEn) => new(
            id, Kind, new DateTimeOffset(DateTime.SpecifyKind(DueUtc, DateTimeKind.Utc)), Precision, IsEstimated, WrittenAsEndOfDay, Status, null,
            new LocalizedText(TitleZh, titleEn), null);
    }
}
