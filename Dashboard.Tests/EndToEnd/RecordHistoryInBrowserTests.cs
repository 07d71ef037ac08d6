using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>A record's history in the running app reads in the clerk's words.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class RecordHistoryInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_held_patients_history_names_the_status_and_the_number_in_chinese()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        await page.LogHeldPatientAsync("历史测试", TestIds.Resident(area: "340102", birth: "19770412", start: 420));
        var record = new RecordPage(page);

        var dialog = await record.StartAsync("HPAction_ReRegistered");
        await dialog.Number.FillAsync("NP-HIST-1");
        await dialog.Confirm.ClickAsync();

        await Expect(record.HistoryChanges).ToHaveTextAsync(
        [
            RecordPage.Change("HP_Status", Ui.Text("HPStatus_Logged"), Ui.Text("HPStatus_ReRegistered")),
            RecordPage.Change("HP_NewPlatformNumber", "—", "NP-HIST-1"),
        ]);
        await page.ScreenshotIfAskedAsync("record-history-zh");
    }
}
