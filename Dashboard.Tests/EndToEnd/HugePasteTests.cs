using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// A paste far larger than any field (100,000 Chinese characters, about 300 KB) reaches the server as what
/// the box keeps, and the box's rule answers it. Before every box had a cap (<c>InputCap</c>), the paste
/// never reached the server: the move dialog said "moved" and kept the milestone's old time.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class HugePasteTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Huge = new('医', 100_000);

    [Fact]
    public async Task A_huge_paste_into_a_dialog_box_is_refused_under_the_box_and_nothing_moves()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = await Browser.PlanAsync("超长粘贴", "2027-03-10 18:00");
        var region = new RegionPage(page, code);
        await region.OpenAsync();
        var stop = nameof(MilestoneKind.SystemStop);

        var dialog = await region.StartMoveAsync(stop);
        await dialog.NewTime.FillAsync(Huge);
        await dialog.Reason.FillAsync("粘贴测试");
        await dialog.Move.ClickAsync();

        await Expect(dialog.Message).ToHaveTextAsync(Ui.Text(PlanEditingService.TimeFormat));
        await page.ScreenshotIfAskedAsync("dialog-huge-paste");
        await page.Keyboard.PressAsync("Escape");
        await Expect(region.TimeOf(stop)).ToHaveTextAsync("2027-03-10 18:00");
    }
}
