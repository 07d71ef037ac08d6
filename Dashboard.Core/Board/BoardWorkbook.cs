using System.Globalization;
using System.Text.Json;
using Dashboard.Core.CatchUp;

namespace Dashboard.Core.Board;

/// <summary>
/// The board as a workbook for the agency's report: every milestone with its state and its history,
/// and every facility's backlog, for the regions the caller may see, worst first. No personal data.
/// Audited like every export.
/// </summary>
public sealed class BoardWorkbook(BoardSnapshots snapshots, IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    public async Task<string> WriteAsync(AccessScope scope, ExportText text, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(text);
        var now = clock.GetUtcNow();
        var regions = RegionTrouble.WorstFirst(await snapshots.GetVisibleAsync(scope), now);
        var history = await HistoryAsync(regions, text, cancellationToken);
        var fileName = $"{text.Get("Board_FilePrefix")}-{TimeZoneInfo.ConvertTime(now, RegionTimeZone.Default):yyyyMMdd-HHmm}.xlsx";
        CatchUpWorkbookWriter.Write(output,
        [
            Sheet(text, "Board_MilestonesSheet", ["Region", "Milestone", "Time", "Estimated", "State", "Reason", "Done"],
                regions.SelectMany(r => r.Plan.Milestones.Select(m => Row(
                    r.Plan.Name.ToString(), m.Title.ToString(), MilestoneTimeText.Format(m, r.Plan.TimeZone), m.IsEstimated ? text.Get("Export_Yes") : "",
                    text.Get($"MilestoneStatus_{m.StateAt(now)}"), m.StatusNote, m.ActualUtc is { } done ? LocalTimeText.FromUtc(done.UtcDateTime, r.Plan.TimeZone) : null)))),
            Sheet(text, "Board_HistorySheet", ["Region", "Milestone", "When", "Who", "Action", "Change"],
                history.Select(h => Row(h.Region, h.Milestone, h.When, h.Who, text.Get($"AuditAction_{h.Action}"), h.Change))),
            Sheet(text, "Board_FacilitiesSheet", ["Region", "Facility", "Health", "Outstanding", "Overdue", "Oldest", "Reported"],
                regions.SelectMany(r => r.Facilities.Select(f => Row(
                    r.Plan.Name.ToString(), f.FacilityName, text.Get($"Board_Health_{f.Health}"), f.Outstanding, f.Overdue,
                    LocalTimeText.FromUtc(f.OldestUtc, r.Plan.TimeZone), text.Get(f.HasReported ? "Board_Reported" : "Board_NotReported"))))),
        ]);
        await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Export, "Board", fileName,
            new { Regions = regions.Select(r => r.Plan.Code).ToList() }, cancellationToken);
        return fileName;
    }

    /// <summary>A sheet whose column keys are its own (the writer sets headers per key, across all sheets).</summary>
    private static SheetSource Sheet(ExportText text, string nameKey, string[] columns, IEnumerable<object?[]> rows)
    {
        var keys = columns.Select(c => $"{nameKey}.{c}").ToArray();
        return new SheetSource(
            text.Get(nameKey),
            [.. columns.Select((c, i) => new SheetColumn(keys[i], text.Get($"Board_Column_{c}"), c is "Milestone" or "Change" ? 40 : 18, ExportCellKind.Text))],
            rows.Select(values => (IDictionary<string, object?>)keys.Zip(values).ToDictionary(x => x.First, x => x.Second)));
    }

    private static object?[] Row(params object?[] values) => values;

    private sealed record HistoryRow(string Region, string Milestone, string? When, string Who, string Action, string? Change);

    /// <summary>Every audited change to the shown regions' milestones (removed ones too), newest first, in each region's time.</summary>
    private async Task<IReadOnlyList<HistoryRow>> HistoryAsync(IReadOnlyList<RegionBoardSnapshot> regions, ExportText text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regionIds = regions.Select(r => r.RegionId).ToList();
        var milestones = await db.Milestones.Where(m => regionIds.Contains(m.Plan!.RegionId))
            .Select(m => new { m.Id, m.TitleZh, m.TitleEn, m.Plan!.RegionId }).ToDictionaryAsync(m => m.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var ids = milestones.Keys.ToList();
        var events = await db.AuditEvents.Where(a => a.EntityType == nameof(Milestone) && ids.Contains(a.EntityId!))
            .OrderByDescending(a => a.Id).Select(a => new { a.OccurredUtc, a.UserId, a.UserName, a.Action, a.EntityId, a.AfterJson }).ToListAsync(cancellationToken);
        var userIds = events.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id) && u.DisplayName != "").ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var plans = regions.ToDictionary(r => r.RegionId, r => r.Plan);
        return [.. events.Select(e =>
        {
            var milestone = milestones[e.EntityId!];
            var plan = plans[milestone.RegionId];
            return new HistoryRow(plan.Name.ToString(), new LocalizedText(milestone.TitleZh, milestone.TitleEn).ToString(), LocalTimeText.FromUtc(e.OccurredUtc, plan.TimeZone), e.UserId is { } id && names.TryGetValue(id, out var name) ? name : e.UserName, e.Action, ChangeOf(e.AfterJson, plan.TimeZone, text));
        })];
    }

    /// <summary>What the change left: the time as the notice writes it, the status and the reason.</summary>
    private static string? ChangeOf(string? afterJson, TimeZoneInfo zone, ExportText text)
    {
        if (afterJson is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(afterJson);
        var root = json.RootElement;
        var parts = new List<string>();
        if (root.TryGetProperty(nameof(Milestone.DueUtc), out var due) && due.TryGetDateTime(out var dueUtc))
        {
            var precision = root.TryGetProperty(nameof(Milestone.Precision), out var p) && p.GetString() == nameof(MilestonePrecision.Day) ? MilestonePrecision.Day : MilestonePrecision.Minute;
            var endOfDay = root.TryGetProperty(nameof(Milestone.WrittenAsEndOfDay), out var e) && e.ValueKind == JsonValueKind.True;
            var estimated = root.TryGetProperty(nameof(Milestone.IsEstimated), out var x) && x.ValueKind == JsonValueKind.True;
            parts.Add(MilestoneTimeText.Format(new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc)), precision, endOfDay, zone) + (estimated ? $"（{text.Get("Milestone_Estimated")}）" : ""));
        }

        if (root.TryGetProperty(nameof(Milestone.Status), out var status) && Enum.TryParse<MilestoneStatus>(status.GetString(), out var parsed))
        {
            parts.Add(text.Get($"MilestoneStatus_{parsed}"));
        }

        if (root.TryGetProperty(nameof(Milestone.StatusNote), out var note) && note.ValueKind == JsonValueKind.String)
        {
            parts.Add(note.GetString()!);
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
