using Dashboard.Api;
using Dashboard.Core.Plans;
using Dashboard.Core.Time;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Plans;

/// <summary>
/// What notices say beyond a point in time: a period ("9月10日至9月17日暂停") and a go-live that depends
/// on something ("省级验收通过后"), the same on the page's text, in the API and in the calendar feed.
/// </summary>
public sealed class MilestoneWindowTests : SeededCoreTests
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Of(null);

    private PlanEditingService Editing => Core.Get<PlanEditingService>();

    private async Task<RegionPlan> RehearsalAsync() => (await Core.Get<CutoverPlanService>().GetPlanAsync("rehearsal"))!;

    private static MilestoneInput Suspension(string start, string end) => new()
    {
        Kind = MilestoneKind.Other, LocalTime = start, EndLocalTime = end, TitleZh = "暂停个人缴费", TitleEn = "Individual contributions suspended",
    };

    [Fact]
    public async Task A_period_of_days_reads_back_as_written_in_the_plan_the_api_and_the_calendar()
    {
        var added = await Editing.AddAsync(await Core.ScopeOf("supervisor"), "rehearsal", Suspension("2026-11-25", "2026-11-27"));

        Assert.True(added.Succeeded);
        var plan = await RehearsalAsync();
        var window = plan.Milestones.Single(m => m.Id == added.Value);
        Assert.Equal("2026-11-25 – 2026-11-27", MilestoneTimeText.FormatSpan(window, Shanghai));
        var dto = plan.ToPlan(Core.Clock.GetUtcNow()).Milestones.Single(m => m.Id == added.Value);
        Assert.Equal(new WindowEndDto(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8)), MilestonePrecision.Day, false), dto.End);
        var calendar = Ical.Net.Calendar.Load(CalendarFeed.Build(plan, Core.Clock.GetUtcNow()))!;
        var e = calendar.Events.Single(ev => ev.Uid == $"milestone-{added.Value}-rehearsal@cutover-dashboard");
        Assert.False(e.DtStart!.HasTime);
        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28)), (DateOnly.FromDateTime(e.DtStart.Value), DateOnly.FromDateTime(e.DtEnd!.Value)));
    }

    [Fact]
    public async Task A_period_from_a_time_to_24_00_keeps_both_ends_as_written()
    {
        var added = await Editing.AddAsync(await Core.ScopeOf("supervisor"), "rehearsal", Suspension("2026-11-25 17:00", "2026-11-27 24:00"));

        var window = (await RehearsalAsync()).Milestones.Single(m => m.Id == added.Value);
        Assert.Equal("2026-11-25 17:00 – 2026-11-27 24:00", MilestoneTimeText.FormatSpan(window, Shanghai));
        var calendar = Ical.Net.Calendar.Load(CalendarFeed.Build(await RehearsalAsync(), Core.Clock.GetUtcNow()))!;
        var e = calendar.Events.Single(ev => ev.Uid == $"milestone-{added.Value}-rehearsal@cutover-dashboard");
        Assert.Equal(new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
    }

    [Theory]
    [InlineData("2026-11-27", "2026-11-25")]
    [InlineData("2026-11-25 17:00", "2026-11-25 08:00")]
    [InlineData("2026-11-25 17:00", "2026-11-24")]
    public async Task A_period_that_ends_before_it_starts_is_refused_on_its_end(string start, string end)
    {
        var result = await Editing.AddAsync(await Core.ScopeOf("supervisor"), "rehearsal", Suspension(start, end));

        Assert.Equal([new Dashboard.Core.Validation.Message(MilestoneInputRules.WindowEndBeforeStart, end, start)], result.Result.Errors[nameof(MilestoneInput.EndLocalTime)]);
        Assert.DoesNotContain((await RehearsalAsync()).Milestones, m => m.Title.Zh == "暂停个人缴费");
    }

    [Fact]
    public async Task A_one_day_period_is_accepted()
    {
        Assert.True((await Editing.AddAsync(await Core.ScopeOf("supervisor"), "rehearsal", Suspension("2026-11-25", "2026-11-25"))).Succeeded);
    }

    [Fact]
    public async Task Moving_a_period_moves_its_end_by_the_same_days()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var added = await Editing.AddAsync(supervisor, "rehearsal", Suspension("2026-11-25 17:00", "2026-11-27 24:00"));
        var window = (await RehearsalAsync()).Milestones.Single(m => m.Id == added.Value);

        var moved = await Editing.MoveAsync(supervisor, window.Id, window.Version, "2026-11-28 17:00", "推迟三天", confirmed: true);

        Assert.True(moved.Succeeded);
        Assert.Equal("2026-11-28 17:00 – 2026-11-30 24:00", MilestoneTimeText.FormatSpan((await RehearsalAsync()).Milestones.Single(m => m.Id == window.Id), Shanghai));
    }

    [Fact]
    public async Task A_conditional_go_live_says_what_it_depends_on_and_is_tentative_in_the_calendar()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        var goLive = (await RehearsalAsync()).Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var input = MilestoneInput.From(goLive, Shanghai);
        (input.IsEstimated, input.IsConditional, input.ConditionZh) = (false, true, "省级验收通过后上线，可能提前或推迟");

        var updated = await Editing.UpdateAsync(supervisor, goLive.Id, goLive.Version, input);

        Assert.True(updated.Succeeded);
        var plan = await RehearsalAsync();
        var view = plan.Milestones.Single(m => m.Id == goLive.Id);
        Assert.Equal((true, "省级验收通过后上线，可能提前或推迟", "省级验收通过后上线，可能提前或推迟"), (view.IsConditional, view.Condition!.Zh, view.Condition.En));
        var dto = plan.ToPlan(Core.Clock.GetUtcNow()).Milestones.Single(m => m.Id == goLive.Id);
        Assert.True(dto.IsConditional);
        Assert.Equal("省级验收通过后上线，可能提前或推迟", dto.Condition!.Zh);
        var e = Ical.Net.Calendar.Load(CalendarFeed.Build(plan, Core.Clock.GetUtcNow()))!.Events.Single(ev => ev.Uid == $"milestone-{goLive.Id}-rehearsal@cutover-dashboard");
        Assert.Equal("TENTATIVE", e.Status);
        Assert.EndsWith("（有条件）", e.Summary, StringComparison.Ordinal);
        Assert.Contains("条件：省级验收通过后上线", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_copies_periods_and_conditions_with_the_shift()
    {
        var supervisor = await Core.ScopeOf("supervisor");
        await Editing.AddAsync(supervisor, "hefei", Suspension("2021-11-20", "2021-11-25"));

        var created = await NewPlans.CreateAsync(Core.Services, await Core.ScopeOf("demo-admin"), "hefei", "lujiang", "庐江", "Lujiang", "2021-12-10 18:00");

        Assert.True(created.Succeeded);
        var copy = (await Core.Get<CutoverPlanService>().GetPlanAsync("lujiang"))!.Milestones.Single(m => m.Title.Zh == "暂停个人缴费");
        Assert.Equal("2021-11-30 – 2021-12-05", MilestoneTimeText.FormatSpan(copy, Shanghai));
    }
}
