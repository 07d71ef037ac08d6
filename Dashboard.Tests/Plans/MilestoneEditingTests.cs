using Dashboard.Core.Persistence;
using System.Text.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Plans;

/// <summary>
/// Confirming, moving and editing milestones on a region page: what changes, what is kept, the audit
/// with the old and new values, and a conflict instead of an overwrite when two people edit at once.
/// </summary>
public class MilestoneEditingTests : SeededCoreTests
{
    public MilestoneEditingTests()
    {
    }

    protected MilestoneEditingTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private PlanEditingService Editing => Core.Get<PlanEditingService>();

    private async Task<RegionPlan> PlanAsync(string code) => (await Core.Get<CutoverPlanService>().GetPlanAsync(code))!;

    private async Task<MilestoneView> GoLiveAsync(string code) => (await PlanAsync(code)).Milestones.Single(m => m.Kind == MilestoneKind.GoLive);

    private async Task<JsonElement[]> AuditAsync(string action, int milestoneId)
    {
        await using var db = Core.CreateDb();
        var events = await db.AuditEvents.Where(a => a.Action == action && a.EntityId == milestoneId.ToString()).OrderBy(a => a.Id).ToListAsync();
        return [.. events.SelectMany(e => new[] { JsonDocument.Parse(e.BeforeJson!).RootElement, JsonDocument.Parse(e.AfterJson!).RootElement })];
    }

    [Fact]
    public async Task Confirming_an_estimate_keeps_its_time_and_is_audited_and_a_stale_confirm_is_a_conflict()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var goLive = await GoLiveAsync("xinzhou");
        Assert.True(goLive.IsEstimated);

        var confirmed = await Editing.ConfirmAsync(supervisor, goLive.Id, goLive.Version);
        var stale = await Editing.ConfirmAsync(supervisor, goLive.Id, goLive.Version);

        Assert.True(confirmed.Succeeded);
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        var after = await GoLiveAsync("xinzhou");
        Assert.False(after.IsEstimated);
        Assert.Equal(goLive.DueUtc, after.DueUtc);
        var audit = await AuditAsync(AuditActions.Update, goLive.Id);
        Assert.Equal(2, audit.Length);
        Assert.Equal((true, false), (audit[0].GetProperty("IsEstimated").GetBoolean(), audit[1].GetProperty("IsEstimated").GetBoolean()));
    }

    [Fact]
    public async Task A_move_keeps_an_estimate_unless_confirmed_recomputes_the_deadline_and_its_audit_holds_both_times()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var goLive = await GoLiveAsync("xinzhou");
        Assert.Equal(new DateOnly(2021, 11, 12), (await PlanAsync("xinzhou")).CatchUp.LastDay);

        var slipped = await Editing.MoveAsync(supervisor, goLive.Id, goLive.Version, "2021-11-01 24:00", " 推迟一天 ", confirmed: false);
        var afterSlip = await GoLiveAsync("xinzhou");
        var settled = await Editing.MoveAsync(supervisor, goLive.Id, afterSlip.Version, "2021-11-02 08:00", "正式确定", confirmed: true);

        Assert.True(slipped.Succeeded && settled.Succeeded);
        Assert.Equal(new DateTimeOffset(2021, 11, 1, 16, 0, 0, TimeSpan.Zero), afterSlip.DueUtc);
        Assert.True(afterSlip.WrittenAsEndOfDay);
        Assert.True(afterSlip.IsEstimated);
        Assert.Equal("推迟一天", afterSlip.StatusNote);
        var final = await PlanAsync("xinzhou");
        var finalGoLive = final.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        Assert.False(finalGoLive.IsEstimated);
        Assert.False(finalGoLive.WrittenAsEndOfDay);
        Assert.Equal(new DateTimeOffset(2021, 11, 2, 0, 0, 0, TimeSpan.Zero), finalGoLive.DueUtc);

        // Ten working days from Tuesday 2021-11-02, not counting it.
        Assert.Equal(new DateOnly(2021, 11, 16), final.CatchUp.LastDay);
        var audit = await AuditAsync(AuditActions.MilestoneMove, goLive.Id);
        Assert.Equal(
            [goLive.DueUtc.UtcDateTime, afterSlip.DueUtc.UtcDateTime, afterSlip.DueUtc.UtcDateTime, finalGoLive.DueUtc.UtcDateTime],
            audit.Select(a => a.GetProperty("DueUtc").GetDateTime().ToUniversalTime()));
    }

    [Theory]
    [InlineData("2021-11-01 22:00", " ", "Reason")]
    [InlineData("明天上午", "推迟", "LocalTime")]
    [InlineData("2021-11-31 22:00", "推迟", "LocalTime")]
    public async Task A_move_needs_a_reason_and_a_readable_time_and_a_refused_move_changes_nothing(string time, string reason, string field)
    {
        var goLive = await GoLiveAsync("xinzhou");

        var result = await Editing.MoveAsync(await Core.ScopeOf("supervisor"), goLive.Id, goLive.Version, time, reason, confirmed: false);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal(goLive, await GoLiveAsync("xinzhou"));
        Assert.Equal(0, await Core.CountAudit(AuditActions.MilestoneMove));
    }

    [Fact]
    public async Task Editing_a_milestone_saves_what_was_typed_and_recomputes_every_records_deadline()
    {
        var desk = await Core.ScopeOf("desk");
        var held = await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "编辑测试", IdNumber = TestIds.Resident(start: 310), AdmittedAt = "2026-11-20 09:00",
        });
        var goLive = await GoLiveAsync("rehearsal");
        Assert.Equal(new DateOnly(2026, 12, 18), (await PlanAsync("rehearsal")).CatchUp.LastDay);

        var result = await Editing.UpdateAsync(await Core.ScopeOf("supervisor"), goLive.Id, goLive.Version, new MilestoneInput
        {
            Kind = MilestoneKind.GoLive, LocalTime = "2026-12-07 08:00", TitleZh = " 新平台正式上线 ", TitleEn = " ", Owner = "  ", NoteZh = "联调延期",
        });

        Assert.True(result.Succeeded);
        var plan = await PlanAsync("rehearsal");
        var edited = plan.Milestones.Single(m => m.Id == goLive.Id);
        Assert.Equal(SeededPlans.Shanghai(2026, 12, 7, 8, 0), edited.DueUtc);
        Assert.Equal(new LocalizedText("新平台正式上线", "新平台正式上线"), edited.Title);
        Assert.Null(edited.Owner);
        Assert.Equal("联调延期", edited.Note?.Zh);
        Assert.False(edited.IsEstimated);

        // Ten working days from Monday 2026-12-07, not counting it.
        Assert.Equal(new DateOnly(2026, 12, 21), plan.CatchUp.LastDay);
        var record = await Core.Get<HeldPatientQueries>().GetAsync(desk, held.Value);
        Assert.Equal(RecordRows.EndOf(2026, 12, 21), record!.DeadlineUtc);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Update, goLive.Id.ToString()));
    }

    [Fact]
    public async Task Of_two_edits_from_the_same_version_the_second_is_a_conflict_and_overwrites_nothing()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var admin = await Core.ScopeOf("demo-admin");
        var stop = (await PlanAsync("rehearsal")).Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        MilestoneInput Edit(string title) => new() { Kind = MilestoneKind.SystemStop, LocalTime = "2026-11-24 12:00", TitleZh = title };

        var first = await Editing.UpdateAsync(supervisor, stop.Id, stop.Version, Edit("旧系统停机（督导）"));
        var second = await Editing.UpdateAsync(admin, stop.Id, stop.Version, Edit("旧系统停机（管理员）"));
        var move = await Editing.MoveAsync(admin, stop.Id, stop.Version, "2026-11-25 12:00", "推迟", confirmed: false);

        Assert.True(first.Succeeded);
        Assert.Equal(CommandStatus.Conflict, second.Status);
        Assert.Equal(CommandStatus.Conflict, move.Status);
        var after = (await PlanAsync("rehearsal")).Milestones.Single(m => m.Id == stop.Id);
        Assert.Equal("旧系统停机（督导）", after.Title.Zh);
        Assert.Equal(stop.DueUtc, after.DueUtc);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Update, stop.Id.ToString()));
    }

    [Fact]
    public async Task An_edit_needs_a_title_and_a_readable_time()
    {
        var goLive = await GoLiveAsync("rehearsal");

        var result = await Editing.UpdateAsync(await Core.ScopeOf("supervisor"), goLive.Id, goLive.Version,
            new MilestoneInput { Kind = MilestoneKind.GoLive, LocalTime = "12月7日", TitleZh = " " });

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(["LocalTime", "TitleZh"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(goLive, await GoLiveAsync("rehearsal"));
    }

    [Fact]
    public async Task A_removed_milestone_can_no_longer_be_confirmed_moved_or_edited()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var goLive = await GoLiveAsync("xinzhou");
        await Editing.RemoveAsync(supervisor, goLive.Id, goLive.Version);
        var version = goLive.Version + 1;

        var confirm = await Editing.ConfirmAsync(supervisor, goLive.Id, version);
        var move = await Editing.MoveAsync(supervisor, goLive.Id, version, "2021-11-02 08:00", "x", confirmed: true);
        var edit = await Editing.UpdateAsync(supervisor, goLive.Id, version, new MilestoneInput { LocalTime = "2021-11-02", TitleZh = "x" });

        Assert.Equal([CommandStatus.NotFound, CommandStatus.NotFound, CommandStatus.NotFound], new[] { confirm.Status, move.Status, edit.Status });
    }

    [Fact]
    public async Task A_supervisor_of_another_region_may_not_touch_the_plan_and_the_attempt_is_audited()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var hefeiOnly = supervisor with { UserName = "hefei-supervisor", RegionIds = new HashSet<int> { (await Core.Facility("HEF-H01")).RegionId } };
        var goLive = await GoLiveAsync("xinzhou");

        var confirm = await Editing.ConfirmAsync(hefeiOnly, goLive.Id, goLive.Version);
        var edit = await Editing.UpdateAsync(hefeiOnly, goLive.Id, goLive.Version, new MilestoneInput { Kind = MilestoneKind.GoLive, LocalTime = "2021-11-02", TitleZh = "x" });

        Assert.Equal((CommandStatus.Forbidden, CommandStatus.Forbidden), (confirm.Status, edit.Status));
        Assert.Equal(goLive, await GoLiveAsync("xinzhou"));
        Assert.Equal(2, await Core.CountAudit(AuditActions.AuthorizationFailed, goLive.Id.ToString()));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class MilestoneEditingTestsOnPostgres() : MilestoneEditingTests(DatabaseProvider.PostgreSql);
