using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// What a desk and a patient read when the rehearsal's go-live is only expected, then when it falls
/// in a year without holiday data. The go-live is changed as a supervisor would (through the service)
/// and put back afterwards: the rest of the collection shares this app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadlineMarksInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_slip_and_the_list_show_an_expected_deadline_and_then_the_missing_holiday_year()
    {
        var services = Browser.App.Services;
        var restore = await RehearsalGoLive.RememberAsync(services);
        try
        {
            var page = await Browser.NewPageAsync(DemoAccounts.Desk);
            var recordUrl = await page.LogHeldPatientAsync("预计标记", TestIds.Resident(area: "340102", birth: "19660412", start: 890));
            await RehearsalGoLive.SetAsync(services, "2026-12-06 08:00", estimated: true);

            var slip = new NoticeSlipPage(page);
            await slip.OpenAsync(recordUrl);
            await Expect(slip.LastDay).ToContainTextAsync("2026 年 12 月 18 日（星期五）（预计）当天");
            await Expect(page.GetByText(Ui.Text("Notice_ByWhenEstimated"))).ToBeVisibleAsync();
            await page.ScreenshotIfAskedAsync("deadline-estimated-slip-zh");
            await slip.Language("English").ClickAsync();
            await Expect(slip.LastDay).ToContainTextAsync("Friday, 18 December 2026 (expected)");
            await page.ScreenshotIfAskedAsync("deadline-estimated-slip-en");
            Assert.Contains("/Count 1", await slip.PrintToPdfAsync(), StringComparison.Ordinal);
            await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });

            var list = RecordListPage.HeldPatients(page);
            await list.OpenAsync();
            await Expect(list.Row("预计标记").GetByText(Ui.Text("Milestone_Estimated"), new() { Exact = true })).ToBeVisibleAsync();
            await page.ScreenshotIfAskedAsync("deadline-estimated-list-zh");

            await RehearsalGoLive.IntoMissingYearAsync(services);

            await slip.OpenAsync(recordUrl);
            await Expect(slip.LastDay).ToHaveTextAsync(Ui.Text("Notice_ByWhenNoCalendar", 2028));
            await page.ScreenshotIfAskedAsync("deadline-missing-year-slip-zh");
            await list.OpenAsync();
            var missing = list.Row("预计标记").GetByText("无法计算：缺少 2028 年节假日安排", new() { Exact = true });
            await Expect(missing).ToBeVisibleAsync();
            await Expect(missing).ToHaveAttributeAsync("title", Ui.Text("Deadline_MissingYear", 2028));
            await page.ScreenshotIfAskedAsync("deadline-missing-year-list-zh");
        }
        finally
        {
            await restore();
        }
    }
}
