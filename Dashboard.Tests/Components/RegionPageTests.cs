using Bunit;
using Dashboard.Components.Pages.Plans;
using Dashboard.Tests.Api;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

public sealed class RegionPageTests() : ComponentTestContext(Now)
{
    private static readonly DateTimeOffset Now = TestClocks.FirstStart;

    [Fact]
    public async Task Timeline_shows_every_milestone_with_markers_for_dates_estimates_and_24_00()
    {
        using var _ = new UiCulture("zh-CN");

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "xinzhou"));

        await page.WaitForAssertionAsync(() => Assert.Equal(SpecMilestones.ByRegion["xinzhou"].Length, page.FindAll(".milestone").Count));
        var times = page.FindAll(".milestone-time").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["2021-10-11", "2021-10-14", "2021-10-19 17:00", "2021-10-20", "2021-10-21 17:00", "2021-10-21 18:00", "2021-10-31 22:00"], times);
        Assert.Single(page.FindAll(".milestone .estimate-marker"));
        Assert.Contains("预计", page.Find("[data-kind=GoLive]").TextContent, StringComparison.Ordinal);
        Assert.Contains("年前", page.Find("[data-kind=GoLive] .relative-time").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_computed_catch_up_deadline()
    {
        using var _ = new UiCulture("zh-CN");

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "panzhihua"));

        await page.WaitForAssertionAsync(() => Assert.Contains("2020-10-09", page.Find(".deadline-date").TextContent, StringComparison.Ordinal));
        Assert.Contains("10 个工作日", page.Find(".catch-up-card").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_24_00_as_the_notice_wrote_it_in_english_too()
    {
        using var _ = new UiCulture("en");

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "hengyang"));

        await page.WaitForAssertionAsync(() => Assert.Contains("2021-10-30 24:00", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Old system stops", page.Markup, StringComparison.Ordinal);
        Assert.Contains("date only", page.Markup, StringComparison.Ordinal);
    }
}
