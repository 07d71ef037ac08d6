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

    /// <summary>衡阳's stop was written "2021-10-30 24:00": moved and moved back, its history says so in local time.</summary>
    [Fact]
    public async Task A_milestones_history_reads_its_times_as_the_notice_wrote_them()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Supervisor);
        var region = new RegionPage(page, "hengyang");
        await region.OpenAsync();
        await Expect(region.TimeOf("SystemStop")).ToHaveTextAsync("2021-10-30 24:00");

        foreach (var time in new[] { "2021-10-30 22:00", "2021-10-30 24:00" })
        {
            var move = await region.StartMoveAsync("SystemStop");
            await move.NewTime.FillAsync(time);
            await move.Reason.FillAsync("核对通知原文");
            await move.Move.ClickAsync();
            await Expect(move.Root).ToHaveCountAsync(0);
            await Expect(region.TimeOf("SystemStop")).ToHaveTextAsync(time);
        }

        var history = await region.ShowHistoryAsync("SystemStop");
        // Newest first; in the region's zone, never "2021-10-30T16:00:00Z" or "2021-10-31 00:00".
        await Expect(history.Locator(".history-change")).ToHaveTextAsync(
        [
            RecordPage.Change("MS_Time", "2021-10-30 22:00", "2021-10-30 24:00"),
            RecordPage.Change("MS_Time", "2021-10-30 24:00", "2021-10-30 22:00"),
            RecordPage.Change("MS_StatusNote", "—", "核对通知原文"),
        ]);
        await history.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("milestone-history-zh");
    }
}
