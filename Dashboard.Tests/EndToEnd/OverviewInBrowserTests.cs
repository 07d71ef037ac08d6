using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class OverviewInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overview_shows_the_five_regions_and_a_ticking_rehearsal_countdown()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");

        foreach (var name in new[] { "合肥", "衡阳", "攀枝花", "忻州", "浙江省本级" })
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First).ToBeVisibleAsync();
        }

        var countdown = page.Locator("[data-region=rehearsal] .countdown");
        await Expect(countdown).ToBeVisibleAsync();

        // Once the circuit is live, the countdown must change within two seconds.
        var first = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(first!, new() { Timeout = 10_000 });
        var second = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(second!, new() { Timeout = 2_000 });
    }

    [Fact]
    public async Task Region_page_lists_the_milestones_and_english_is_remembered()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/regions/hengyang");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "衡阳", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".milestone")).ToHaveCountAsync(8);
        await Expect(page.GetByText("2021-10-30 24:00")).ToBeVisibleAsync();

        await page.GotoAsync("/culture/set?culture=en&redirectUri=/regions/hengyang");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hengyang", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cutover overview", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Unknown_region_shows_a_friendly_not_found_page()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/regions/atlantis");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在", Level = 1 })).ToBeVisibleAsync();
    }
}
