using Bunit;
using Dashboard.Components.Pages.Board;
using Dashboard.Core.Board;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Board;

/// <summary>
/// The board's activity strip: a change someone else makes to a milestone shows, highlighted, with who
/// and when, and stays highlighted until the person acknowledges it, on every board they open.
/// </summary>
public sealed class ActivityStripTests : BoardTestContext
{
    private async Task<MilestoneView> GoLiveAsync() =>
        (await Services.GetRequiredService<CutoverPlanService>().GetPlanAsync("rehearsal"))!.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);

    private static AngleSharp.Dom.IElement? StatusEntry(IRenderedComponent<BoardPage> board) =>
        board.FindAll(".activity-strip li[data-kind=StatusChange]").FirstOrDefault();

    [Fact]
    public async Task Another_persons_change_stays_highlighted_until_acknowledged_even_on_a_board_opened_later()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.NotEmpty(board.FindAll(".activity-strip")));
        var goLive = await GoLiveAsync();

        await Services.GetRequiredService<PlanEditingService>().MarkAsync(
            await ScopeOfAsync("demo-admin"), goLive.Id, goLive.Version, MilestoneStatus.AtRisk, "接口联调未完成");
        Clock.Advance(BoardSnapshots.Coalesce);

        await board.WaitForAssertionAsync(() => Assert.NotNull(StatusEntry(board)));
        var entry = StatusEntry(board)!;
        Assert.Contains("activity-new", entry.ClassList);
        Assert.Equal(
            $"演练（合肥） · 系统管理员（演示） 将「{goLive.Title.Zh}」标记为“有风险”（原因：接口联调未完成）",
            entry.QuerySelector(".activity-text")!.TextContent.Trim());
        Assert.Equal("12:00", entry.QuerySelector(".activity-time")!.TextContent.Trim());
        Assert.Equal("新", entry.QuerySelector(".activity-new-mark")!.TextContent.Trim());

        board.Find("button.acknowledge").Click();

        await board.WaitForAssertionAsync(() => Assert.DoesNotContain("activity-new", StatusEntry(board)!.ClassList));
        var later = Render<BoardPage>();
        await later.WaitForAssertionAsync(() => Assert.NotNull(StatusEntry(later)));
        Assert.DoesNotContain("activity-new", StatusEntry(later)!.ClassList);
        Assert.Empty(later.FindAll(".activity-strip li.activity-new"));
    }

    [Fact]
    public async Task A_persons_own_change_is_listed_but_not_highlighted()
    {
        using var _ = new UiCulture("en-US");
        var supervisor = await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.NotEmpty(board.FindAll(".activity-strip")));
        var goLive = await GoLiveAsync();

        await Services.GetRequiredService<PlanEditingService>().MarkAsync(supervisor, goLive.Id, goLive.Version, MilestoneStatus.Done, null);
        Clock.Advance(BoardSnapshots.Coalesce);

        await board.WaitForAssertionAsync(() => Assert.NotNull(StatusEntry(board)));
        Assert.DoesNotContain("activity-new", StatusEntry(board)!.ClassList);
        Assert.Contains($"marked “{goLive.Title.En}” as Done", StatusEntry(board)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sound_on_a_new_change_by_someone_else_chimes_once()
    {
        using var _ = new UiCulture("zh-CN");
        JSInterop.Setup<bool>("cutoverAlerts.soundOn").SetResult(true);
        await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.Single(JSInterop.Invocations["cutoverAlerts.soundOn"]));
        var before = JSInterop.Invocations["cutoverAlerts.beep"].Count;
        var goLive = await GoLiveAsync();

        await Services.GetRequiredService<PlanEditingService>().MarkAsync(
            await ScopeOfAsync("demo-admin"), goLive.Id, goLive.Version, MilestoneStatus.AtRisk, "接口联调未完成");
        Clock.Advance(BoardSnapshots.Coalesce);

        await board.WaitForAssertionAsync(() => Assert.NotNull(StatusEntry(board)));
        Assert.Equal(before + 1, JSInterop.Invocations["cutoverAlerts.beep"].Count);
    }

    /// <summary>Found while adding the delivery log: a live update rendered under the culture of whoever made the change.</summary>
    [Fact]
    public async Task A_change_saved_in_Chinese_reaches_an_English_board_in_English()
    {
        using var _ = new UiCulture("en-US");
        await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.NotEmpty(board.FindAll(".activity-strip")));
        var goLive = await GoLiveAsync();
        var admin = await ScopeOfAsync("demo-admin");

        await Task.Run(async () =>
        {
            using var chinese = new UiCulture("zh-CN");
            await Services.GetRequiredService<PlanEditingService>().MarkAsync(admin, goLive.Id, goLive.Version, MilestoneStatus.AtRisk, "接口联调未完成");
            Clock.Advance(BoardSnapshots.Coalesce);
        });

        await board.WaitForAssertionAsync(() => Assert.NotNull(StatusEntry(board)));
        Assert.Contains($"marked “{goLive.Title.En}” as At risk", StatusEntry(board)!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Supervisor board", board.Find("h1").TextContent.Trim());
    }
}
