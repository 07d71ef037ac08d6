using System.Text.RegularExpressions;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The board is a static page with live islands (its layout keeps nothing in the server's memory): the
/// menu button, the language menu, the account menu and the board's own switch work there as on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardShellTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly Regex Open = new("mud-drawer--open");
    private static readonly Regex Closed = new("mud-drawer--closed");

    [Fact]
    public async Task On_the_board_a_supervisor_toggles_the_menu_switches_language_and_opens_the_account_menu()
    {
        var (page, board, drawer) = await OpenBoardAsync(1366, 768);

        await Expect(drawer).ToHaveClassAsync(Open);
        await board.Button("Nav_Toggle").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(Closed);
        await Expect(page.Locator("main")).ToBeInViewportAsync();
        await board.Button("Nav_Toggle").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(Open);

        await board.AccountMenu.ClickAsync();
        await Expect(board.OpenPopover).ToHaveCSSAsync("opacity", "1");
        await Expect(board.MenuItem("User_SignOut")).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.ScreenshotIfAskedAsync("board-account-menu");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Culture_Switch") }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "English" }).ClickAsync();
        await Expect(board.Heading(Ui.In(Ui.English, "Board_Title"))).ToBeVisibleAsync();
        await page.WaitInteractiveAsync();
        await Expect(board.Region("rehearsal").Locator(".phase-chip")).ToContainTextAsync(Ui.In(Ui.English, "Phase_Preparation"));
        await page.ScreenshotIfAskedAsync("board-english");

        await page.GetByRole(AriaRole.Switch, new() { Name = Ui.In(Ui.English, "Board_OnlyTrouble") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/board\?trouble=1$"));
        await Expect(page.Locator(".region-board[data-health=Green]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_narrow_screen_the_boards_menu_starts_closed_over_the_page_and_opens_with_its_button()
    {
        var (page, board, drawer) = await OpenBoardAsync(800, 900);

        await Expect(drawer).ToHaveClassAsync(Closed);
        await board.Button("Nav_Toggle").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(Open);
        await Expect(board.Link("Nav_HeldPatients")).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.ScreenshotIfAskedAsync("board-menu-narrow-open");
        await board.Link("Nav_HeldPatients").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/held-patients$"));

        // From the static board into a live page: it connects and takes input.
        await page.WaitInteractiveAsync();
        await Expect(board.Heading(Ui.Text("HP_ListTitle"))).ToBeVisibleAsync();
    }

    /// <summary>The supervisor's board on a screen of the given size, and its menu drawer.</summary>
    private async Task<(IPage Page, BoardPage Board, ILocator Drawer)> OpenBoardAsync(int width, int height)
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Supervisor);
        await page.SetViewportSizeAsync(width, height);
        var board = new BoardPage(page);
        await board.OpenAsync();
        return (page, board, page.Locator(".mud-drawer"));
    }
}
