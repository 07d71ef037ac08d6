using Bunit;
using Dashboard.Components.Pages.Board;
using Dashboard.Components.Pages.Overview;
using Dashboard.Components.Pages.Plans;
using Dashboard.Core.Board;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Board;

/// <summary>
/// Cutover night: the board points at trouble. Milestones turn late by the clock, regions come worst
/// first with a red / amber / green roll-up that says why, and deadlines passing raise overdue counts,
/// all without anybody editing anything.
/// </summary>
public sealed class BoardTroubleTests : BoardTestContext
{
    private async Task<RegionPlan> PlanAsync(string code) => (await Services.GetRequiredService<CutoverPlanService>().GetPlanAsync(code))!;

    /// <summary>The rehearsal's next milestone still ahead of the clock, and not done.</summary>
    private async Task<MilestoneView> NextOpenAsync() =>
        (await PlanAsync("rehearsal")).Milestones.First(m => m.DueUtc > Clock.GetUtcNow() && m.Status == MilestoneStatus.Pending);

    private static int LateCount(IRenderedComponent<BoardPage> board) =>
        board.FindAll(".region-board[data-region=rehearsal] .mud-chip[data-status=Late]") is { Count: 1 } chips
            ? int.Parse(chips[0].TextContent.Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task A_milestone_turns_late_at_its_time_on_the_board_the_region_page_and_the_overview_without_an_edit()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("supervisor");
        var next = await NextOpenAsync();
        var board = Render<BoardPage>();
        var region = Render<RegionPage>(p => p.Add(x => x.Code, "rehearsal"));
        var overview = Render<OverviewPage>();
        await board.WaitForAssertionAsync(() => Assert.NotEmpty(board.FindAll(".region-board[data-region=rehearsal]")));
        var lateBefore = LateCount(board);
        var chip = $"[data-milestone='{next.Id}'] .milestone-state";
        await region.WaitForAssertionAsync(() => Assert.Equal("待完成", region.Find(chip).TextContent.Trim()));

        Clock.Advance(next.LateFromUtc - Clock.GetUtcNow());

        await board.WaitForAssertionAsync(() => Assert.Equal(lateBefore + 1, LateCount(board)));
        Assert.Contains($"{lateBefore + 1} 个节点逾期未完成", board.Find(".region-board[data-region=rehearsal] .region-trouble").TextContent, StringComparison.Ordinal);
        Assert.Equal("Red", board.Find(".region-board[data-region=rehearsal]").GetAttribute("data-health"));
        await region.WaitForAssertionAsync(() => Assert.Equal("逾期未完成", region.Find(chip).TextContent.Trim()));
        await overview.WaitForAssertionAsync(() => Assert.Contains(
            $"{lateBefore + 1} 个节点逾期未完成", overview.Find("[data-region=rehearsal] .region-late").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_elses_change_reaches_the_region_page_and_the_overview_without_a_reload()
    {
        using var _ = new UiCulture("en-US");
        await SignInAsync("supervisor");
        var next = await NextOpenAsync();
        var region = Render<RegionPage>(p => p.Add(x => x.Code, "rehearsal"));
        var overview = Render<OverviewPage>();
        var chip = $"[data-milestone='{next.Id}'] .milestone-state";
        await region.WaitForAssertionAsync(() => Assert.Equal("Pending", region.Find(chip).TextContent.Trim()));

        var admin = await ScopeOfAsync("demo-admin");
        await Services.GetRequiredService<PlanEditingService>().MarkAsync(admin, next.Id, next.Version, MilestoneStatus.Missed, "接口未通");
        Clock.Advance(BoardSnapshots.Coalesce);

        await region.WaitForAssertionAsync(() => Assert.Equal("Missed", region.Find(chip).TextContent.Trim()));
        await overview.WaitForAssertionAsync(() => Assert.Contains("missed", overview.Find("[data-region=rehearsal] .region-late").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regions_come_worst_first_and_only_trouble_hides_the_green_ones()
    {
        using var _ = new UiCulture("zh-CN");
        var admin = await SignInAsync("demo-admin", "Admin");
        var editing = Services.GetRequiredService<PlanEditingService>();
        foreach (var code in new[] { "aaa", "zzz" })
        {
            // Far enough ahead that every milestone of the copy is still to come: both start green.
            Assert.True((await NewPlans.CreateAsync(Services, admin, "hefei", code, $"区{code}", code, "2027-03-10 18:00")).Result.Succeeded);
        }

        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.Equal(["aaa", "zzz"], Order(board).Where(c => c is "aaa" or "zzz")));
        Assert.Equal("Green", board.Find(".region-board[data-region=zzz]").GetAttribute("data-health"));
        Assert.Equal("（预计）", board.Find(".region-board[data-region=zzz] .next-milestone .estimate-marker").TextContent.Trim());

        var zzz = (await PlanAsync("zzz")).Milestones.First(m => m.Kind == MilestoneKind.GoLive);
        await editing.MarkAsync(admin, zzz.Id, zzz.Version, MilestoneStatus.AtRisk, "接口联调未完成");
        Clock.Advance(BoardSnapshots.Coalesce);

        await board.WaitForAssertionAsync(() => Assert.Equal(["zzz", "aaa"], Order(board).Where(c => c is "aaa" or "zzz")));
        Assert.Equal("Amber", board.Find(".region-board[data-region=zzz]").GetAttribute("data-health"));
        Assert.Equal("需关注", board.Find(".region-board[data-region=zzz] .health-badge").TextContent.Trim());
        Assert.Contains("1 个节点有风险", board.Find(".region-board[data-region=zzz] .region-trouble").TextContent, StringComparison.Ordinal);
        var order = Order(board);
        var healths = order.Select(c => board.Find($".region-board[data-region={c}]").GetAttribute("data-health")).ToList();
        Assert.Equal(healths.OrderByDescending(h => Enum.Parse<Health>(h!)), healths);

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("trouble", 1));
        var filtered = Render<BoardPage>();
        await filtered.WaitForAssertionAsync(() => Assert.Contains("zzz", Order(filtered)));
        Assert.DoesNotContain("aaa", Order(filtered));
        Assert.All(filtered.FindAll(".region-board"), card => Assert.NotEqual("Green", card.GetAttribute("data-health")));
    }

    [Fact]
    public async Task A_region_whose_deadline_needs_a_missing_holiday_year_says_so_on_the_board()
    {
        using var _ = new UiCulture("zh-CN");
        var admin = await SignInAsync("demo-admin", "Admin");
        var created = await NewPlans.CreateAsync(Services, admin, "hefei", "y2031", "二〇三一", "2031", "2031-03-10 18:00");
        Assert.True(created.Result.Succeeded);

        var board = Render<BoardPage>();

        await board.WaitForAssertionAsync(() => Assert.Equal("Amber", board.Find(".region-board[data-region=y2031]").GetAttribute("data-health")));
        Assert.Equal("缺少 2031 年节假日安排，无法计算补录截止日", board.Find(".region-board[data-region=y2031] .region-trouble").TextContent.Trim());
    }

    [Fact]
    public async Task A_deadline_passing_at_midnight_raises_the_overdue_count_with_nobody_editing()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.Equal("0", board.Find(".region-board[data-region=rehearsal] .held-outstanding").TextContent));

        var created = await Services.GetRequiredService<HeldPatientService>().CreateAsync(await DeskAsync(), new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "午夜到期", IdNumber = TestIds.Resident(start: 980), AdmittedAt = "2026-11-21 09:00",
        });

        // The record's deadline is tonight's local midnight (the clock starts at noon in Beijing).
        var midnight = Clock.GetUtcNow().AddHours(12);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            await db.HeldPatients.Where(p => p.Id == created.Value).ExecuteUpdateAsync(p => p.SetProperty(x => x.DeadlineUtc, midnight.UtcDateTime));
        }

        Clock.Advance(BoardSnapshots.Coalesce);
        await board.WaitForAssertionAsync(() => Assert.Equal("1", board.Find(".region-board[data-region=rehearsal] .held-outstanding").TextContent));
        Assert.Equal("0", board.Find(".region-board[data-region=rehearsal] .held-overdue").TextContent);

        Clock.Advance(midnight - Clock.GetUtcNow());
        Clock.Advance(BoardSnapshots.Coalesce);

        await board.WaitForAssertionAsync(() => Assert.Equal("1", board.Find(".region-board[data-region=rehearsal] .held-overdue").TextContent));
        Assert.Contains("1 条记录逾期（1 家机构）", board.Find(".region-board[data-region=rehearsal] .region-trouble").TextContent, StringComparison.Ordinal);
        Assert.Equal("Red", board.Find(".region-board[data-region=rehearsal] tr[data-health=Red]").GetAttribute("data-health"));
    }

    private static List<string> Order(IRenderedComponent<BoardPage> board) =>
        [.. board.FindAll(".region-board").Select(c => c.GetAttribute("data-region")!)];
}
