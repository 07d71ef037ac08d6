using Bunit;
using Dashboard.Components.Pages.Plans;
using Dashboard.Core.Calendar;
using Dashboard.Tests.Board;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class RegionCalendarSectionTests : BoardTestContext
{
    private async Task AdjustPanzhihuaAsync()
    {
        var admin = await ScopeOfAsync("demo-admin");
        var added = await Services.GetRequiredService<RegionCalendarService>().AddAsync(admin, "panzhihua",
            new RegionCalendarDayInput { Date = "2020-09-23", IsOffDay = true, Reason = "市政府通知放假一天" });
        Assert.True(added.Succeeded);
    }

    [Theory]
    [InlineData("supervisor", "Supervisor")]
    [InlineData("manager", "Manager")]
    [InlineData("desk", "BillingDesk")]
    public async Task People_other_than_administrators_see_the_adjustments_but_no_form_and_no_remove_button(string user, string role)
    {
        using var _ = new UiCulture("zh-CN");
        await AdjustPanzhihuaAsync();
        await SignInAsync(user, role);

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "panzhihua"));

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".region-calendar-day")));
        var day = page.Find(".region-calendar-day");
        Assert.Contains("2020-09-23", day.TextContent, StringComparison.Ordinal);
        Assert.Contains("休息日", day.TextContent, StringComparison.Ordinal);
        Assert.Contains("市政府通知放假一天", day.TextContent, StringComparison.Ordinal);
        Assert.Contains("demo-admin", day.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".region-calendar-form"));
        Assert.Empty(page.FindAll(".region-calendar button"));
        Assert.Contains("含本地调整 1 天", page.Find(".catch-up-card").TextContent, StringComparison.Ordinal);
        Assert.Contains("2020-10-10", page.Find(".deadline-date").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_the_form_and_a_remove_button_per_adjustment()
    {
        using var _ = new UiCulture("zh-CN");
        await AdjustPanzhihuaAsync();
        await SignInAsync("demo-admin", "Admin");

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "panzhihua"));

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".region-calendar-form")));
        Assert.Single(page.FindAll(".region-calendar-day button[aria-label='删除 2020-09-23 的调整']"));
    }

    [Fact]
    public async Task A_region_without_adjustments_says_so()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("manager", "Manager");

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "hefei"));

        await page.WaitForAssertionAsync(() => Assert.Equal("暂无本地调整，工作日按国务院节假日安排计算。", page.Find(".region-calendar-empty").TextContent.Trim()));
        Assert.Empty(page.FindAll(".deadline-local-adjustments"));
    }

    [Fact]
    public async Task The_public_region_page_shows_no_adjustments_to_someone_not_signed_in()
    {
        using var _ = new UiCulture("zh-CN");
        await AdjustPanzhihuaAsync();

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "panzhihua"));

        await page.WaitForAssertionAsync(() => Assert.Contains("2020-10-10", page.Find(".deadline-date").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".region-calendar"));
    }
}
