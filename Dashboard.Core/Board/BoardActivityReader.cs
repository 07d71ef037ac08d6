using System.Globalization;
using System.Text.Json;

namespace Dashboard.Core.Board;

/// <summary>Reads a region's recent milestone changes from the audit trail, where every change is written with who and when.</summary>
internal static class BoardActivityReader
{
    public const int MaxEntries = 20;

    public static async Task<IReadOnlyList<BoardActivityEntry>> RecentAsync(DashboardDbContext db, int regionId, DateTimeOffset since)
    {
        var milestones = await db.Milestones.Where(m => m.Plan!.RegionId == regionId)
            .Select(m => new { m.Id, m.TitleZh, m.TitleEn }).ToDictionaryAsync(m => m.Id.ToString(CultureInfo.InvariantCulture));
        var ids = milestones.Keys.ToList();
        var sinceUtc = since.UtcDateTime;
        var events = await db.AuditEvents
            .Where(a => a.EntityType == nameof(Milestone) && a.OccurredUtc >= sinceUtc && ids.Contains(a.EntityId!))
            .OrderByDescending(a => a.Id).Take(MaxEntries)
            .Select(a => new { a.Id, a.OccurredUtc, a.UserId, a.UserName, a.Action, a.EntityId, a.AfterJson })
            .ToListAsync();
        var userIds = events.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return [.. events.Select(e =>
        {
            var milestone = milestones[e.EntityId!];
            var (status, note) = StatusOf(e.AfterJson);
            var name = e.UserId is { } id && names.TryGetValue(id, out var display) && !string.IsNullOrWhiteSpace(display) ? display : e.UserName;
            return new BoardActivityEntry(
                $"audit-{e.Id}", regionId, milestone.Id, new LocalizedText(milestone.TitleZh, milestone.TitleEn), KindOf(e.Action),
                new DateTimeOffset(DateTime.SpecifyKind(e.OccurredUtc, DateTimeKind.Utc)), e.UserId, name)
            {
                NewStatus = e.Action == AuditActions.StatusChange ? status : null,
                Note = e.Action is AuditActions.StatusChange or AuditActions.MilestoneMove ? note : null,
            };
        })];
    }

    private static BoardActivityKind KindOf(string action) => action switch
    {
        AuditActions.StatusChange => BoardActivityKind.StatusChange,
        AuditActions.MilestoneMove => BoardActivityKind.Move,
        AuditActions.Create => BoardActivityKind.Add,
        AuditActions.Deactivate => BoardActivityKind.Remove,
        _ => BoardActivityKind.Update,
    };

    /// <summary>The status and reason the change left (the audit's "after" snapshot of the milestone).</summary>
    private static (MilestoneStatus? Status, string? Note) StatusOf(string? afterJson)
    {
        if (afterJson is null)
        {
            return (null, null);
        }

        using var json = JsonDocument.Parse(afterJson);
        var root = json.RootElement;
        MilestoneStatus? status = root.TryGetProperty(nameof(Milestone.Status), out var s) && Enum.TryParse<MilestoneStatus>(s.GetString(), out var parsed) ? parsed : null;
        var note = root.TryGetProperty(nameof(Milestone.StatusNote), out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return (status, note);
    }
}
