using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Board;

public sealed class PlanEditingTests : SeededCoreTests
{
    private PlanEditingService Editing => Core.Get<PlanEditingService>();

    private async Task<RegionPlan> RehearsalAsync() => (await Core.Get<CutoverPlanService>().GetPlanAsync("rehearsal"))!;

    private async Task<MilestoneView> GoLiveAsync() => (await RehearsalAsync()).Milestones.Single(m => m.Kind == MilestoneKind.GoLive);

    [Fact]
    public async Task Moving_go_live_recomputes_the_phase_the_catch_up_deadline_and_every_records_deadline()
    {
        var desk = await Core.ScopeOf("desk");
        var held = await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "移动测试", IdNumber = TestIds.Resident(start: 950), AdmittedAt = "2026-11-20 09:00",
        });
        var before = await RehearsalAsync();
        var goLive = await GoLiveAsync();

        // Everything moves to the past: the rehearsal is then in catch-up, and its deadline follows go-live.
        var stop = (await RehearsalAsync()).Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        Assert.True((await Editing.MoveAsync(await Core.ScopeOf("supervisor"), stop.Id, stop.Version, "2026-11-01 18:00", "提前停机", confirmed: true)).Succeeded);
        var result = await Editing.MoveAsync(await Core.ScopeOf("supervisor"), goLive.Id, goLive.Version, "2026-11-16 08:00", "提前上线", confirmed: true);

        Assert.True(result.Succeeded);
        var after = await RehearsalAsync();
        Assert.Equal(PlanPhase.Preparation, before.PhaseAt(Core.Clock.GetUtcNow()));
        Assert.Equal(PlanPhase.CatchUp, after.PhaseAt(Core.Clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 11, 30), after.CatchUp.LastDay);
        var record = await Core.Get<HeldPatientQueries>().GetAsync(desk, held.Value);
        Assert.Equal(after.CatchUp.EndsUtc!.Value.UtcDateTime, record!.DeadlineUtc);
        Assert.False(record.IsOverdue);
        Assert.NotEqual(before.CatchUp.EndsUtc, after.CatchUp.EndsUtc);
        Assert.Equal(1, await Core.CountAudit(AuditActions.MilestoneMove, goLive.Id.ToString()));
        Assert.Equal("提前上线", after.Milestones.Single(m => m.Kind == MilestoneKind.GoLive).StatusNote);
    }

    [Fact]
    public async Task At_risk_and_missed_need_a_note_and_done_records_the_actual_time()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var goLive = await GoLiveAsync();

        var noNote = await Editing.MarkAsync(supervisor, goLive.Id, goLive.Version, MilestoneStatus.AtRisk, null);
        var atRisk = await Editing.MarkAsync(supervisor, goLive.Id, goLive.Version, MilestoneStatus.AtRisk, "接口联调未完成");
        var stale = await Editing.MarkAsync(supervisor, goLive.Id, goLive.Version, MilestoneStatus.Done, null);
        var done = await Editing.MarkAsync(supervisor, goLive.Id, (await GoLiveAsync()).Version, MilestoneStatus.Done, null);

        Assert.Equal(CommandStatus.Invalid, noNote.Status);
        Assert.True(atRisk.Succeeded);
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.True(done.Succeeded);
        Assert.Equal(Core.Clock.GetUtcNow(), (await GoLiveAsync()).ActualUtc);
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("desk")]
    public async Task Only_supervisors_of_the_region_and_administrators_change_milestones(string user)
    {
        var goLive = await GoLiveAsync();

        var result = await Editing.MoveAsync(await Core.ScopeOf(user), goLive.Id, goLive.Version, "2026-12-30 08:00", "x", confirmed: false);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(goLive.DueUtc, (await GoLiveAsync()).DueUtc);
    }

    [Fact]
    public async Task Added_and_removed_milestones_show_in_the_plan_and_the_removed_one_is_kept()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var added = await Editing.AddAsync(supervisor, "rehearsal", new MilestoneInput { Kind = MilestoneKind.Other, LocalTime = "2026-11-25", TitleZh = "演练复盘会" });
        var view = (await RehearsalAsync()).Milestones.Single(m => m.Id == added.Value);

        var removed = await Editing.RemoveAsync(supervisor, view.Id, view.Version);

        Assert.True(added.Succeeded && removed.Succeeded);
        Assert.DoesNotContain((await RehearsalAsync()).Milestones, m => m.Id == added.Value);
        await using var db = Core.CreateDb();
        Assert.True(db.Milestones.Single(m => m.Id == added.Value).IsRemoved);
    }

    [Fact]
    public async Task The_calendar_feed_parses_and_carries_a_moved_milestone_at_its_new_time()
    {
        var goLive = await GoLiveAsync();
        await Editing.MoveAsync(await Core.ScopeOf("supervisor"), goLive.Id, goLive.Version, "2026-12-20 08:00", "推迟", confirmed: false);

        var feed = CalendarFeed.Build(await RehearsalAsync(), Core.Clock.GetUtcNow());
        var calendar = Ical.Net.Calendar.Load(feed)!;

        var moved = calendar.Events.Single(e => e.Uid == $"milestone-{goLive.Id}-rehearsal@cutover-dashboard");
        Assert.Equal(new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal((await RehearsalAsync()).Milestones.Count, calendar.Events.Count(e => e.Uid!.StartsWith("milestone-", StringComparison.Ordinal)));
        Assert.Contains(calendar.Events, e => !e.DtStart!.HasTime);
    }

    [Fact]
    public async Task A_go_live_before_the_stop_is_refused_with_both_times_and_nothing_changes()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var goLive = await GoLiveAsync();
        var stop = (await RehearsalAsync()).Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        var stopText = Dashboard.Core.Time.MilestoneTimeText.Format(stop, Dashboard.Core.Time.RegionTimeZone.Of(null));
        var before = stop.DueUtc.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var moved = await Editing.MoveAsync(supervisor, goLive.Id, goLive.Version, before, "提前", confirmed: false);
        var added = await Editing.AddAsync(supervisor, "rehearsal", new MilestoneInput { Kind = MilestoneKind.GoLive, LocalTime = before, TitleZh = "试上线" });
        var sameDay = await Editing.MoveAsync(supervisor, goLive.Id, goLive.Version, before[..10], "当天上线", confirmed: false);

        Assert.Equal(CommandStatus.Invalid, moved.Status);
        Assert.Equal([new Dashboard.Core.Validation.Message(PlanOrderChecks.GoLiveBeforeStop, before, stopText)], moved.Errors[nameof(MilestoneInput.LocalTime)]);
        Assert.Equal(CommandStatus.Invalid, added.Result.Status);
        Assert.True(sameDay.Succeeded, "a date-only go-live on the stop's day may come after the stop that day");
        Assert.Equal(0, await Core.CountAudit(Dashboard.Core.Audit.AuditActions.MilestoneMove, stop.Id.ToString()));
        Assert.DoesNotContain((await RehearsalAsync()).Milestones, m => m.Title.Zh == "试上线");
    }
}
