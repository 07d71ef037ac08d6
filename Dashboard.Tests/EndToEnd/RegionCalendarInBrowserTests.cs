using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>An administrator adjusts a region's working days on its page and watches the catch-up deadline follow.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class RegionCalendarInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_local_day_off_without_a_reason_is_refused_under_the_field_and_once_given_moves_the_deadline_a_day()
    {
        // 合肥's plan moved to a stop on 2027-03-10 18:00: go-live Monday 2027-03-22 08:00, and 10 working days end Monday 04-05.
        var code = await Browser.PlanAsync("本地调休", "2027-03-10 18:00");
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var region = new RegionPage(page, code);
        var calendar = new RegionCalendarSection(page);
        await region.OpenAsync();
        await Expect(region.Deadline).ToHaveTextAsync(Ui.Text("Deadline_EndOf", "2027-04-05"));
        await Expect(calendar.Empty).ToBeVisibleAsync();
        await calendar.Heading.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("calendar-empty");

        await calendar.Date.FillAsync("2027-03-24");
        await Expect(calendar.Kind("Calendar_OffDay")).ToBeCheckedAsync();
        await calendar.Add.ClickAsync();

        await Expect(calendar.MessageUnder("Calendar_Reason")).ToHaveTextAsync(Ui.Text("Validation_Required"));
        await Expect(calendar.Date).ToHaveValueAsync("2027-03-24");
        await page.ScreenshotIfAskedAsync("calendar-refused");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await calendar.Reason.FillAsync("市政府通知：3 月 24 日本市放假一天");
        await calendar.Add.ClickAsync();

        await Expect(calendar.Day("2027-03-24")).ToContainTextAsync("市政府通知：3 月 24 日本市放假一天");
        await Expect(calendar.Day("2027-03-24")).ToContainTextAsync(Ui.Text("Calendar_OffDay"));
        await Expect(region.Deadline).ToHaveTextAsync(Ui.Text("Deadline_EndOf", "2027-04-06"));
        await Expect(region.LocalAdjustments).ToHaveTextAsync(Ui.Text("Deadline_LocalAdjustments", 1));
        await Expect(calendar.MessageUnder("Calendar_Reason")).ToHaveCountAsync(0);
        await Expect(calendar.Date).ToHaveValueAsync("");
        await Expect(region.Snackbar(Ui.Text("Calendar_Added"))).ToBeVisibleAsync();
        await region.Deadline.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("calendar-added");

        await calendar.Remove("2027-03-24").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("市政府通知：3 月 24 日本市放假一天");
        await page.ScreenshotIfAskedAsync("calendar-remove-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Calendar_Remove"), Exact = true }).ClickAsync();

        await Expect(calendar.Empty).ToBeVisibleAsync();
        await Expect(region.Deadline).ToHaveTextAsync(Ui.Text("Deadline_EndOf", "2027-04-05"));
        await Expect(region.LocalAdjustments).ToHaveCountAsync(0);
        await Expect(region.Snackbar(Ui.Text("Calendar_Removed"))).ToBeVisibleAsync();
        await region.Deadline.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("calendar-removed");
    }
}
