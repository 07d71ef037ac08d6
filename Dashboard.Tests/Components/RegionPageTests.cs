using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Components.Pages.Plans;
using Dashboard.Core.Accounts;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Dashboard.Tests.Api;
using Dashboard.Tests.Board;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

public sealed class RegionPageTests : BoardTestContext
{

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

    [Theory]
    [InlineData("demo-admin", "Admin", "hengyang", true)]
    [InlineData("supervisor", "Supervisor", "hefei", true)]
    [InlineData("manager", "Manager", "hefei", false)]
    public async Task Only_people_who_may_change_the_plan_see_its_buttons(string user, string role, string region, bool sees)
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync(user, role);
        await AssertButtonsAsync(region, sees);
    }

    [Fact]
    public async Task A_supervisor_sees_no_buttons_on_a_region_he_does_not_supervise()
    {
        using var _ = new UiCulture("zh-CN");
        var supervisor = await SignInAsync("supervisor");
        await using (var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var hengyang = await db.Regions.SingleAsync(r => r.Code == "hengyang");
            await db.Set<UserRegion>().Where(r => r.UserId == supervisor.UserId && r.RegionId == hengyang.Id).ExecuteDeleteAsync();
        }

        await AssertButtonsAsync("hengyang", sees: false);
        await AssertButtonsAsync("hefei", sees: true);
    }

    private async Task AssertButtonsAsync(string region, bool sees)
    {

        var page = Render<RegionPage>(p => p.Add(x => x.Code, region));

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".milestone")));
        Assert.Equal(sees, page.FindAll("button").Any(b => b.TextContent.Contains("新增节点", StringComparison.Ordinal)));
        Assert.Equal(sees, page.FindAll(".milestone button").Count > 0);
    }

    [Fact]
    public async Task Editors_are_warned_of_a_stop_on_a_public_holiday_and_of_a_long_outage()
    {
        using var _ = new UiCulture("zh-CN");
        var admin = await SignInAsync("demo-admin", "Admin");
        Assert.True((await NewPlans.CreateAsync(Services, admin, "hefei", "guoqing", "国庆", "Guoqing", "2022-10-01 18:00")).Succeeded);
        var goLive = (await Services.GetRequiredService<CutoverPlanService>().GetPlanAsync("guoqing"))!.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        Assert.True((await Services.GetRequiredService<PlanEditingService>().MoveAsync(admin, goLive.Id, goLive.Version, "2022-12-20 08:00", "推迟", confirmed: false)).Succeeded);

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "guoqing"));

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll(".plan-warnings li").Count));
        var warnings = page.FindAll(".plan-warnings li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal("停机节点 2022-10-01 18:00 在法定节假日，请确认公告确实如此。", warnings[0]);
        Assert.Equal("停机到上线共 79 天，超过 60 天，请确认。", warnings[1]);
        await SignInAsync("manager", "Manager");
        var forManager = Render<RegionPage>(p => p.Add(x => x.Code, "hefei"));
        await forManager.WaitForAssertionAsync(() => Assert.NotEmpty(forManager.FindAll(".milestone")));
        Assert.Empty(forManager.FindAll(".plan-warnings"));
    }

    [Fact]
    public async Task A_period_shows_both_ends_and_a_conditional_go_live_says_what_it_depends_on()
    {
        using var _ = new UiCulture("zh-CN");
        var supervisor = await SignInAsync("supervisor");
        var editing = Services.GetRequiredService<PlanEditingService>();
        var added = await editing.AddAsync(supervisor, "rehearsal", new MilestoneInput
        {
            Kind = MilestoneKind.Other, LocalTime = "2026-11-25", EndLocalTime = "2026-11-27", TitleZh = "暂停个人缴费",
        });
        var goLive = (await Services.GetRequiredService<CutoverPlanService>().GetPlanAsync("rehearsal"))!.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var input = MilestoneInput.From(goLive, Dashboard.Core.Time.RegionTimeZone.Default);
        (input.IsConditional, input.ConditionZh) = (true, "省级验收通过后");
        Assert.True((await editing.UpdateAsync(supervisor, goLive.Id, goLive.Version, input)).Succeeded);

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "rehearsal"));

        await page.WaitForAssertionAsync(() => Assert.Equal("2026-11-25 – 2026-11-27", page.Find($"[data-milestone='{added.Value}'] .milestone-time").TextContent.Trim()));
        Assert.Equal("有条件", page.Find("[data-kind=GoLive] .conditional-marker").TextContent.Trim());
        Assert.Equal("条件: 省级验收通过后", page.Find("[data-kind=GoLive] .milestone-condition").TextContent.Trim());
    }

    [Theory]
    [InlineData("demo-admin", "Admin", true)]
    [InlineData("supervisor", "Supervisor", false)]
    [InlineData("manager", "Manager", false)]
    public async Task Only_administrators_see_the_plan_settings_button(string user, string role, bool sees)
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync(user, role);

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "hefei"));

        // The page knows who is looking before it shows the plan.
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".milestone")));
        Assert.Equal(sees, page.FindAll("button").Any(b => b.TextContent.Trim() == "计划设置"));
    }

    [Fact]
    public async Task The_header_shows_the_source_notice_linked_and_in_english_the_english_system_names()
    {
        var admin = await SignInAsync("demo-admin", "Admin");
        var settings = Services.GetRequiredService<PlanSettingsService>();
        var input = (await settings.GetAsync("hefei"))!;
        (input.SourceIssuer, input.SourceDocumentNumber, input.SourcePublishedOn) = ("合肥市医疗保障局", "合医保〔2021〕88号", new DateOnly(2021, 11, 29));
        (input.SourceTitle, input.SourceUrl) = ("合肥上线在途业务操作指引", "https://ybj.hefei.gov.cn/notice/88.html");
        (input.OldSystemNameEn, input.NewSystemNameEn) = ("Hefei legacy system", "National platform (Anhui)");
        Assert.True((await settings.UpdateAsync(admin, "hefei", input.Version, input)).Succeeded);
        using var _ = new UiCulture("en");

        var page = Render<RegionPage>(p => p.Add(x => x.Code, "hefei"));

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".plan-source")));
        var source = page.Find(".plan-source");
        Assert.Equal(["Source notice:", "合肥市医疗保障局", "合医保〔2021〕88号", "2021-11-29", "合肥上线在途业务操作指引"],
            source.Children.Where(c => !c.ClassList.Contains("plan-source-separator")).Select(c => c.TextContent.Trim()));
        Assert.Equal(3, source.QuerySelectorAll(".plan-source-separator").Length);
        var link = source.QuerySelector("a")!;
        Assert.Equal(("https://ybj.hefei.gov.cn/notice/88.html", "_blank", "合肥上线在途业务操作指引"), (link.GetAttribute("href"), link.GetAttribute("target"), link.TextContent.Trim()));
        Assert.StartsWith("Hefei legacy system → National platform (Anhui)", page.Find(".plan-systems").TextContent.Trim(), StringComparison.Ordinal);
    }
}
