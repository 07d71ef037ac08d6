using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LiveBoardTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_supervisors_board_shows_a_patient_the_desk_just_logged_without_a_reload()
    {
        var supervisor = await browser.NewPageAsync();
        await supervisor.SignInAsync(DemoAccounts.Supervisor);
        await supervisor.OpenAsync("/board");
        var outstanding = supervisor.Locator("[data-region=rehearsal] .held-outstanding");
        await Expect(outstanding).ToBeVisibleAsync();
        var before = int.Parse(await outstanding.TextContentAsync() ?? "0", System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        var boardUrl = supervisor.Url;

        var desk = await browser.NewPageAsync();
        await desk.SignInAsync(DemoAccounts.Desk);
        await desk.LogHeldPatientAsync("实时看板测试", TestIds.Resident(area: "340102", start: 990));

        await Expect(outstanding).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(boardUrl, supervisor.Url);
        await supervisor.ScreenshotIfAskedAsync("board");
    }
}
