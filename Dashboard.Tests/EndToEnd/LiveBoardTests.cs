using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(ThirdBrowserCollection.Name)]
public sealed class LiveBoardTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_supervisors_board_shows_a_patient_the_desk_just_logged_without_a_reload()
    {
        var (facilityName, board, desk) = await BoardWithOwnFacilityAsync("实时看板");
        var supervisor = board.Page;
        await Expect(board.Region(RehearsalRegion.Code)).ToBeVisibleAsync();
        var boardUrl = supervisor.Url;

        await desk.LogHeldPatientAsync("实时看板测试", TestIds.Resident(area: "340102", start: 990));

        await Expect(board.Outstanding(RehearsalRegion.Code, facilityName)).ToHaveTextAsync("1");
        Assert.Equal(boardUrl, supervisor.Url);
        await supervisor.ScreenshotIfAskedAsync("board");
    }

    /// <summary>
    /// The table is HTML shared by every board and sorted in the browser: a supervisor's chosen order
    /// holds when a change elsewhere brings the card's new HTML.
    /// </summary>
    [Fact]
    public async Task A_supervisor_sorts_a_regions_facilities_and_the_order_holds_when_the_card_changes()
    {
        var (facilityName, board, desk) = await BoardWithOwnFacilityAsync("排序看板");
        var supervisor = board.Page;
        var card = board.Region(RehearsalRegion.Code);
        var outstanding = card.GetByRole(AriaRole.Button, new() { Name = "待补录" });
        var header = card.Locator("th").Filter(new() { Has = supervisor.GetByRole(AriaRole.Button, new() { Name = "待补录" }) });

        await outstanding.ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        var counts = await OutstandingCountsAsync(card);
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        await outstanding.ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal((await OutstandingCountsAsync(card)).Order(), await OutstandingCountsAsync(card));
        await supervisor.ScreenshotIfAskedAsync("board-sorted");

        await desk.LogHeldPatientAsync("排序看板测试", TestIds.Resident(area: "340102", start: 975));

        await Expect(board.Outstanding(RehearsalRegion.Code, facilityName)).ToHaveTextAsync("1");
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        counts = await OutstandingCountsAsync(card);
        Assert.Equal(counts.Order(), counts);
        Assert.Contains(1, counts);
    }

    /// <summary>
    /// A facility and desk of the test's own in the rehearsal region (its totals move with every other test
    /// that logs a patient), the supervisor's board open, and the desk signed in on another page.
    /// </summary>
    private async Task<(string FacilityName, BoardPage Board, IPage Desk)> BoardWithOwnFacilityAsync(string prefix)
    {
        var facilityName = OwnData.Unique(prefix + "医院");
        var facilityId = await Browser.FacilityAsync(RehearsalRegion.Code, facilityName);
        var deskAccount = await Browser.DeskAsync(facilityId, prefix + "收费处");
        var board = new BoardPage(await Browser.NewPageAsync(DemoAccounts.Supervisor));
        await board.OpenAsync();
        var desk = await Browser.NewPageAsync();
        await desk.SignInAsync(deskAccount);
        return (facilityName, board, desk);
    }

    /// <summary>The outstanding column as the rows show it, top to bottom.</summary>
    private static async Task<int[]> OutstandingCountsAsync(ILocator card) =>
        [.. (await card.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[2].textContent.trim())")).Select(int.Parse)];
}
