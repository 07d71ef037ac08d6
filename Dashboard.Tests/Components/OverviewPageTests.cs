using Bunit;
using Dashboard.Components.Pages.Overview;
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

        page.Instance.Dispose();

        Assert.False(ticker.IsRunning);
    }
}
