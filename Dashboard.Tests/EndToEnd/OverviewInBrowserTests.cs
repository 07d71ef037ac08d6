using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class OverviewInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Overview_shows_the_five_regions_and_a_ticking_rehearsal_countdown()
    {
        var page = await Browser.NewPageAsync();
        var overview = new OverviewPage(page);

        await page.GotoAsync("/");

        foreach (var region in SeededRegions.All())
        {
            await Expect(overview.RegionLink(region.NameZh)).ToBeVisibleAsync();
        }

        var countdown = overview.Countdown(RehearsalRegion.Code);
        await Expect(countdown).ToBeVisibleAsync();

        // Once the circuit is live, the countdown must change within two seconds.
        var first = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(first!, new() { Timeout = 10_000 });
        var second = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(second!, new() { Timeout = 2_000 });
    }

    [Fact]
    public async Task The_countdown_ticks_in_the_browser_by_the_servers_clock_not_the_browsers()
    {
        var page = await Browser.NewPageAsync();
        var overview = new OverviewPage(page);
        await overview.OpenAsync();
        var countdown = overview.Countdown(RehearsalRegion.Code);
        var target = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((await countdown.GetAttributeAsync("data-countdown-target"))!, CultureInfo.InvariantCulture));
        var serverClock = Browser.App.Services.GetRequiredService<TimeProvider>();

        // This app's clock runs days behind the browser's (BrowserClock): a countdown that read the
        // browser's clock would be days short. Each second the text changes to what the server's clock leaves.
        var text = await countdown.TextContentAsync();
        for (var tick = 0; tick < 3; tick++)
        {
            await Expect(countdown).Not.ToHaveTextAsync(text!, new() { Timeout = 5_000 });
            text = await countdown.TextContentAsync();
            Assert.InRange(TimeLeft(text!), target - serverClock.GetUtcNow() - TimeSpan.FromSeconds(2), target - serverClock.GetUtcNow() + TimeSpan.FromSeconds(2));
        }

        // With the page's circuit ended on the server (Blazor.disconnect sends what a closing tab sends),
        // nothing renders for it any more, and the countdowns keep moving.
        await page.EvaluateAsync("() => Blazor.disconnect()");
        text = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(text!, new() { Timeout = 5_000 });
        text = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(text!, new() { Timeout = 5_000 });
    }

    /// <summary>The time a countdown shows, from its four numbers (days, hours, minutes, seconds) in either language.</summary>
    private static TimeSpan TimeLeft(string text)
    {
        var numbers = Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, numbers.Length);
        return new TimeSpan(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    [Fact]
    public async Task Region_page_lists_the_milestones_and_english_is_remembered()
    {
        var page = await Browser.NewPageAsync();
        var hengyang = SeededRegions.Hengyang();
        var region = new RegionPage(page, hengyang.Code);

        await page.GotoAsync($"/regions/{hengyang.Code}");
        await Expect(region.Heading(hengyang.NameZh)).ToBeVisibleAsync();
        await Expect(region.Milestones).ToHaveCountAsync(hengyang.Plan!.Milestones.Count);
        await Expect(page.GetByText("2021-10-30 24:00")).ToBeVisibleAsync();

        await page.GotoAsync($"/culture/set?culture=en&redirectUri=/regions/{hengyang.Code}");
        await Expect(region.Heading(hengyang.NameEn)).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(region.Heading(Ui.In(Ui.English, "Overview_Title"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_language_choice_is_kept_for_a_year_counted_by_the_browsers_clock()
    {
        var page = await Browser.NewPageAsync();

        await page.GotoAsync("/culture/set?culture=en&redirectUri=/regions/hefei");

        // The app's clock is not the browser's here (see BrowserClock), as on a badly set server: a cookie
        // that expired a year after the server's "now" would be kept for the wrong time, or dropped at once.
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Culture");
        var expires = DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(365).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(365).AddMinutes(5));
    }

    [Fact]
    public async Task Unknown_region_shows_a_friendly_not_found_page()
    {
        var page = await Browser.NewPageAsync();

        var response = await page.GotoAsync("/regions/atlantis");

        Assert.Equal(404, response!.Status);
        await Expect(new AppShell(page).Heading(Ui.Text("NotFound_Title"))).ToBeVisibleAsync();
    }
}
