using System.Globalization;
using Bunit;
using Dashboard.Components.Shared;
using Dashboard.Components.Pages.Overview;
using MudBlazor;
using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Components;

public sealed class OverviewPageTests() : ComponentTestContext(FirstStart)
{
    // The rehearsal's system stop: two days after the first start.
    private static readonly DateTimeOffset RehearsalStop = FirstStart.AddDays(2);

    [Fact]
    public async Task Shows_a_card_for_every_region()
    {
        using var _ = new UiCulture("zh-CN");
        var page = Render<OverviewPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(6, page.FindAll(".region-card").Count));
        Assert.Contains("合肥", page.Find("[data-region=hefei]").TextContent, StringComparison.Ordinal);
        Assert.Equal(6, page.FindAll(".chart-row").Count);
    }

    /// <summary>
    /// Seconds passing cost the server nothing: the browser ticks the countdowns (js/countdown.js), and
    /// the page, its cards and the countdowns render again only at the minute. When the server rendered
    /// every countdown each second, fifty open boards took a tenth of a core.
    /// (A rendered fragment counts its children's renders too, so each is watched through a text of its own.)
    /// </summary>
    [Fact]
    public async Task Seconds_passing_render_nothing_on_the_server_until_the_minute()
    {
        using var _ = new UiCulture("zh-CN");
        Clock.SetUtcNow(FirstStart.AddSeconds(5));
        var page = Render<OverviewPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-region=rehearsal] .countdown"));
        var pageHeading = page.FindComponents<MudText>()[0];
        var card = page.FindComponents<RegionCard>().First(c => c.Instance.Plan.Code == "rehearsal");
        var cardText = card.FindComponents<MudText>()[0];
        var countdown = card.FindComponent<CountdownText>();
        var (headingRenders, cardRenders, countdownRenders) = (pageHeading.RenderCount, cardText.RenderCount, countdown.RenderCount);

        for (var second = 6; second < 60; second++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal((headingRenders, cardRenders, countdownRenders), (pageHeading.RenderCount, cardText.RenderCount, countdown.RenderCount));

        // At the minute the page moves on, and the countdown is rendered again from the server's clock.
        Clock.Advance(TimeSpan.FromSeconds(1));
        await page.WaitForAssertionAsync(() => Assert.Equal(headingRenders + 1, pageHeading.RenderCount));
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            page.Find("[data-region=rehearsal] .countdown").GetAttribute("data-countdown-now"));
    }

    [Fact]
    public async Task The_page_itself_moves_on_once_a_minute()
    {
        using var _ = new UiCulture("zh-CN");
        Clock.SetUtcNow(FirstStart.AddSeconds(5));
        var page = Render<OverviewPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-region=rehearsal] .countdown"));
        var pageHeading = page.FindComponents<MudText>()[0];
        var headingRenders = pageHeading.RenderCount;

        Clock.Advance(TimeSpan.FromSeconds(55));

        await page.WaitForAssertionAsync(() => Assert.Equal(headingRenders + 1, pageHeading.RenderCount));
    }

    [Fact]
    public async Task Phase_changes_when_the_clock_crosses_the_system_stop()
    {
        using var _ = new UiCulture("zh-CN");
        Clock.SetUtcNow(RehearsalStop.AddSeconds(-1));
        var page = Render<OverviewPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal("Preparation", page.Find("[data-region=rehearsal] .phase-chip").GetAttribute("data-phase")));

        Clock.Advance(TimeSpan.FromSeconds(1));

        await page.WaitForAssertionAsync(() => Assert.Equal("Outage", page.Find("[data-region=rehearsal] .phase-chip").GetAttribute("data-phase")));
        Assert.Contains("停机期", page.Find("[data-region=rehearsal] .phase-chip").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_timer_stops_when_the_page_is_left()
    {
        var page = Render<OverviewPage>().Instance;
        Assert.True(page.IsWaiting);

        await DisposeComponentsAsync();

        Assert.False(page.IsWaiting);
    }

    [Fact]
    public void A_card_whose_deadline_needs_a_missing_holiday_year_names_the_year()
    {
        using var _ = new UiCulture("zh-CN");
        var plan = SeededPlans.Rehearsal(new DateTimeOffset(2031, 3, 1, 4, 0, 0, TimeSpan.Zero));

        var card = Render<RegionCard>(p => p.Add(c => c.Plan, plan).Add(c => c.Now, plan.Milestones.Max(m => m.DueUtc).AddDays(1)));

        Assert.Equal("缺少 2031 年节假日安排，无法计算补录截止日", card.Find(".calendar-missing").TextContent.Trim());
    }

    [Fact]
    public void A_catch_up_deadline_counted_from_an_expected_go_live_reads_as_an_estimate()
    {
        using var _ = new UiCulture("en-US");
        var region = Dashboard.Core.Seeding.RehearsalRegion.Create(FirstStart);
        region.Plan!.Milestones.Single(m => m.Kind == Dashboard.Core.Plans.MilestoneKind.GoLive).IsEstimated = true;
        var plan = Dashboard.Core.Plans.RegionPlanMapper.ToRegionPlan(region, SeededPlans.Deadlines);
        Assert.True(plan.CatchUp.IsEstimate);

        var card = Render<RegionCard>(p => p.Add(c => c.Plan, plan).Add(c => c.Now, plan.Milestones.Max(m => m.DueUtc).AddDays(1)));

        Assert.Equal("(expected)", card.Find(".estimate-marker").TextContent.Trim());
    }
}
