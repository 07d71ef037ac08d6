using Bunit;
using Dashboard.Components.Pages.Overview;
using MudBlazor;
using Dashboard.Tests.Infrastructure;
using Dashboard.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class OverviewPageTests() : ComponentTestContext(FirstStart)
{
    private static readonly DateTimeOffset FirstStart = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

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

    [Fact]
    public async Task Countdown_ticks_as_the_clock_advances()
    {
        using var _ = new UiCulture("zh-CN");
        var page = Render<OverviewPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-region=rehearsal] .countdown"));
        var before = page.Find("[data-region=rehearsal] .countdown").TextContent;

        Clock.Advance(TimeSpan.FromSeconds(1));

        await page.WaitForAssertionAsync(() => Assert.NotEqual(before, page.Find("[data-region=rehearsal] .countdown").TextContent));
    }

    /// <summary>
    /// A second's tick changes only the countdowns: the page and its cards are not rendered again, which
    /// cost every open tab megabytes and real server CPU when the whole page re-rendered each second.
    /// (A rendered fragment counts its children's renders too, so each is watched through a text of its own.)
    /// </summary>
    [Fact]
    public async Task A_second_tick_renders_only_the_countdowns()
    {
        using var _ = new UiCulture("zh-CN");
        Clock.SetUtcNow(FirstStart.AddSeconds(5));
        var page = Render<OverviewPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-region=rehearsal] .countdown"));
        var pageHeading = page.FindComponents<MudText>()[0];
        var card = page.FindComponents<RegionCard>().First(c => c.Instance.Plan.Code == "rehearsal");
        var cardText = card.FindComponents<MudText>()[0];
        var (headingRenders, cardRenders) = (pageHeading.RenderCount, cardText.RenderCount);
        var countdown = page.Find("[data-region=rehearsal] .countdown").TextContent;

        Clock.Advance(TimeSpan.FromSeconds(1));
        await page.WaitForAssertionAsync(() => Assert.NotEqual(countdown, page.Find("[data-region=rehearsal] .countdown").TextContent));
        countdown = page.Find("[data-region=rehearsal] .countdown").TextContent;
        Clock.Advance(TimeSpan.FromSeconds(1));
        await page.WaitForAssertionAsync(() => Assert.NotEqual(countdown, page.Find("[data-region=rehearsal] .countdown").TextContent));

        Assert.Equal(headingRenders, pageHeading.RenderCount);
        Assert.Equal(cardRenders, cardText.RenderCount);
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
    public async Task Ticker_stops_when_the_page_is_left()
    {
        var page = Render<OverviewPage>();
        var ticker = Services.GetRequiredService<CircuitTicker>();
        await page.WaitForAssertionAsync(() => Assert.True(ticker.IsRunning));

        await DisposeComponentsAsync();

        Assert.False(ticker.IsRunning);
    }
}
