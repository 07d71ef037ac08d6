using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Two people on cutover night: one changes a milestone, the other's board says so, highlighted, until acknowledged.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class BoardActivityInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_supervisors_board_shows_another_persons_change_in_the_activity_strip_until_acknowledged()
    {
        var code = await Browser.PlanAsync(OwnData.Unique("动态演练"), "2027-03-10 18:00");
        var colleague = await Browser.AdminAsync(OwnData.Unique("值班同事"));
        var reason = OwnData.Unique("接口联调未完成");
        var watcher = await Browser.NewPageAsync(DemoAccounts.Admin);
        var board = new BoardPage(watcher);
        await board.OpenAsync();
        await Expect(board.Region(code)).ToBeVisibleAsync();
        await Expect(board.Region(code)).ToHaveAttributeAsync("data-health", "Green");

        var other = await Browser.NewPageAsync();
        await other.SignInAsync(colleague);
        var region = new RegionPage(other, code);
        await region.OpenAsync();
        await region.Action("GoLive", "MS_MarkAtRisk").ClickAsync();
        var dialog = other.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel(Ui.Text("Status_Reason") + " *").FillAsync(reason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Confirm"), Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var entry = board.ActivityEntry(reason);
        await Expect(entry).ToBeVisibleAsync();
        await Expect(entry).ToHaveClassAsync("activity-new");
        await Expect(entry).ToContainTextAsync($"{colleague.DisplayName} 将");
        await Expect(entry).ToContainTextAsync("标记为“有风险”");
        await Expect(board.Region(code)).ToHaveAttributeAsync("data-health", "Amber");
        await Expect(board.Region(code).Locator(".region-trouble")).ToContainTextAsync("1 个节点有风险");
        await watcher.ScreenshotIfAskedAsync("board-activity-new");

        await board.Acknowledge.ClickAsync();
        await Expect(entry).Not.ToHaveClassAsync("activity-new");
        await watcher.ReloadAsync();
        await Expect(board.ActivityEntry(reason)).ToBeVisibleAsync();
        await Expect(board.ActivityEntry(reason)).Not.ToHaveClassAsync("activity-new");
        await watcher.ScreenshotIfAskedAsync("board-activity-acknowledged");
    }

    [Fact]
    public async Task The_wall_display_shows_regions_worst_first_without_the_menu_and_only_trouble_hides_green_ones()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Supervisor);
        var board = new BoardPage(page);
        await page.OpenAsync("/board?wall=1");
        await Expect(board.Heading(Ui.Text("Board_Title"))).ToBeVisibleAsync();
        await Expect(page.Locator(".region-board").First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        var healths = await page.Locator(".region-board").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.health)");
        Assert.Equal(healths.OrderByDescending(h => Enum.Parse<Dashboard.Core.Board.Health>(h)), healths);
        await page.ScreenshotIfAskedAsync("board-wall");

        await page.GetByLabel(Ui.Text("Board_OnlyTrouble")).CheckAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("trouble=1"));
        await Expect(page.Locator(".region-board[data-health=Green]")).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("board-wall-only-trouble");
    }
}
