using Dashboard.Core.Access;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Core.Time;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Plans;

public sealed class PlanCreationTests : SeededCoreTests
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Of(null);

    private Task<CommandResult<int>> CreateAsync(string template, string code, string stop) =>
        NewPlans.CreateAsync(Core.Services, AdminScope, template, code, code, code, stop);

    private AccessScope AdminScope { get; set; } = null!;

    private async Task<RegionPlan> PlanAsync(string code) => (await Core.Get<CutoverPlanService>().GetPlanAsync(code))!;

    private static IEnumerable<string> Written(RegionPlan plan) => plan.Milestones.Select(m => MilestoneTimeText.Format(m, Shanghai));

    private async Task SignInAdminAsync() => AdminScope = await Core.ScopeOf("demo-admin");

    [Fact]
    public async Task A_stop_at_the_same_time_of_day_moves_every_milestone_by_whole_days()
    {
        await SignInAdminAsync();

        var created = await CreateAsync("hefei", "wuhu", "2022-03-31 18:00");

        Assert.True(created.Succeeded);
        var hefei = await PlanAsync("hefei");
        var wuhu = await PlanAsync("wuhu");
        Assert.Equal(hefei.Milestones.Select(m => m.DueUtc + TimeSpan.FromDays(121)), wuhu.Milestones.Select(m => m.DueUtc));
        Assert.Equal(hefei.Milestones.Select(m => m.Precision), wuhu.Milestones.Select(m => m.Precision));
        Assert.All(wuhu.Milestones, m => Assert.True(m.IsEstimated));
        Assert.Equal(CommandStatus.Invalid, (await CreateAsync("hefei", "wuhu", "2022-03-31 18:00")).Result.Status);
        Assert.Equal(CommandStatus.Forbidden,
            (await NewPlans.CreateAsync(Core.Services, await Core.ScopeOf("supervisor"), "hefei", "x", "x", "x", "2022-03-31 18:00")).Result.Status);
    }

    [Fact]
    public async Task A_stop_at_18_00_from_a_template_written_24_00_keeps_every_milestones_meaning()
    {
        // 衡阳 stops "2021-10-30 24:00"; a new region stops 2021-09-30 18:00: 30 days earlier, at another time of day.
        await SignInAdminAsync();
        var hengyang = await PlanAsync("hengyang");

        var created = await CreateAsync("hengyang", "xiangtan", "2021-09-30 18:00");

        Assert.True(created.Succeeded);
        var plan = await PlanAsync("xiangtan");
        var stop = plan.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        Assert.Equal("2021-09-30 18:00", MilestoneTimeText.Format(stop, Shanghai));
        Assert.False(stop.WrittenAsEndOfDay);
        Assert.Equal(new DateTimeOffset(2021, 9, 30, 10, 0, 0, TimeSpan.Zero), stop.DueUtc);
        var expected = Written(hengyang).Select(text => text == "2021-10-30 24:00" ? "2021-09-30 18:00" : ShiftDays(text, -30));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Written(plan).Order(StringComparer.Ordinal));
        Assert.All(plan.Milestones.Where(m => m.Precision == MilestonePrecision.Day), m => Assert.Equal(TimeSpan.Zero, plan.ToLocal(m.DueUtc).TimeOfDay));
        var goLive = plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        Assert.Equal(("2021-10-11", MilestonePrecision.Day), (MilestoneTimeText.Format(goLive, Shanghai), goLive.Precision));
    }

    [Fact]
    public async Task A_template_without_a_system_stop_shifts_from_its_first_stop()
    {
        await SignInAdminAsync();
        var zhejiang = await PlanAsync("zhejiang");
        Assert.DoesNotContain(zhejiang.Milestones, m => m.Kind == MilestoneKind.SystemStop);

        var anchor = await Core.Get<PlanCreationService>().GetTemplateAnchorAsync("zhejiang");
        var created = await CreateAsync("zhejiang", "ningbo", "2023-02-06 08:00");

        Assert.Equal(MilestoneKind.BusinessStop, anchor!.Kind);
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors.SelectMany(e => e.Value)));
        var plan = await PlanAsync("ningbo");
        Assert.Equal("2023-02-06 08:00", MilestoneTimeText.Format(plan.Milestones.Single(m => m.Kind == MilestoneKind.BusinessStop), Shanghai));
        Assert.Equal(ShiftDays(MilestoneTimeText.Format(zhejiang.Milestones.Single(m => m.Kind == MilestoneKind.GoLive), Shanghai), 365),
            MilestoneTimeText.Format(plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive), Shanghai));
        Assert.Equal(PlanPhase.Outage, plan.PhaseAt(new DateTimeOffset(2023, 2, 7, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_new_region_needs_a_supervisor_and_reaches_the_people_chosen()
    {
        await SignInAdminAsync();
        var creation = Core.Get<PlanCreationService>();
        var people = await creation.GetAssignablePeopleAsync();
        var manager = people.Single(p => p.UserName == DemoAccounts.Manager.UserName);
        var input = new NewPlanInput { TemplateCode = "hefei", Code = "bengbu", NameZh = "蚌埠", NewStopLocal = "2022-03-31 18:00", PeopleIds = [manager.Id] };

        var refused = await creation.CreateFromTemplateAsync(AdminScope, input);
        input.PeopleIds.Add(people.Single(p => p.UserName == DemoAccounts.Supervisor.UserName).Id);
        var created = await creation.CreateFromTemplateAsync(AdminScope, input);

        Assert.Equal([PlanCreationService.SupervisorRequired], refused.Result.Errors[nameof(NewPlanInput.PeopleIds)]);
        Assert.True(created.Succeeded);
        Assert.True((await Core.ScopeOf(DemoAccounts.Supervisor.UserName)).CanSeeRegion(created.Value));
        Assert.True((await Core.ScopeOf(DemoAccounts.Manager.UserName)).CanSeeRegion(created.Value));
        Assert.DoesNotContain(people, p => p.Role is not (Dashboard.Core.Accounts.UserRole.Supervisor or Dashboard.Core.Accounts.UserRole.Manager));
    }

    private static string ShiftDays(string written, int days) =>
        DateOnly.ParseExact(written[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + written[10..];
}
