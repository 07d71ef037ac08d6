using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(ThirdBrowserCollection.Name)]
public sealed class LiveBoardTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_supervisors_board_shows_a_patient_the_desk_just_logged_without_a_reload()
    {
        // A facility and desk of its own: the rehearsal's totals move with every other test that logs a patient.
        var facilityName = OwnData.Unique("实时看板医院");
        var facilityId = await Browser.FacilityAsync(RehearsalRegion.Code, facilityName);
        var deskAccount = await Browser.DeskAsync(facilityId, "实时看板收费处");
        var supervisor = await Browser.NewPageAsync(DemoAccounts.Supervisor);
        var board = new BoardPage(supervisor);
        await board.OpenAsync();
        await Expect(board.Region(RehearsalRegion.Code)).ToBeVisibleAsync();
        var boardUrl = supervisor.Url;

        var desk = await Browser.NewPageAsync();
        await desk.SignInAsync(deskAccount);
        await desk.LogHeldPatientAsync("实时看板测试", TestIds.Resident(area: "340102", start: 990));

        await Expect(board.Outstanding(RehearsalRegion.Code, facilityName)).ToHaveTextAsync("1");
        Assert.Equal(boardUrl, supervisor.Url);
        await supervisor.ScreenshotIfAskedAsync("board");
    }
}
