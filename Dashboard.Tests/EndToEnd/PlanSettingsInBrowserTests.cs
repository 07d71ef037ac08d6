using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>An administrator corrects what a plan copied from its template: names and the catch-up rule.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanSettingsInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Refusals_read_under_their_fields_and_saved_names_and_rule_show_on_the_region_page()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = await Browser.PlanAsync("设置检查", "2027-03-10 18:00");
        var region = new RegionPage(page, code);
        await region.OpenAsync();
        await Expect(region.DeadlineDate).ToBeVisibleAsync();
        await Expect(region.DeadlineDate).Not.ToHaveTextAsync(Ui.Text("Deadline_EndOf", "2027-03-29"));

        // A link without its scheme and no working days: both refused, each under its own field.
        var dialog = await region.OpenSettingsAsync();
        await dialog.Link.FillAsync("ybj.example.gov.cn/notice/2027-5.html");
        await dialog.WorkingDays.FillAsync("0");
        await dialog.Save.ClickAsync();
        await Expect(PlanSettingsDialog.MessageUnder(dialog.Link)).ToHaveTextAsync(Ui.Text(PlanSettingsService.UrlInvalid));
        await Expect(PlanSettingsDialog.MessageUnder(dialog.WorkingDays)).ToHaveTextAsync(Ui.Text(PlanSettingsService.WorkingDaysRange, 1, 60));
        await Expect(dialog.Messages).ToHaveCountAsync(2);
        await page.ScreenshotIfAskedAsync("plan-settings-refused");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await dialog.Link.FillAsync("https://ybj.example.gov.cn/notice/2027-5.html");
        await dialog.Issuer.FillAsync("设置检查市医疗保障局");
        await dialog.WorkingDays.FillAsync("5");
        await dialog.OldSystemZh.FillAsync("设置检查市医保业务系统");
        await dialog.NewSystemZh.FillAsync("国家医疗保障信息平台（设置检查）");
        await dialog.OldSystemEn.FillAsync("Settings-check legacy system");
        await dialog.NewSystemEn.FillAsync("National platform (settings check)");
        await page.ScreenshotIfAskedAsync("plan-settings-fixed");
        await dialog.Save.ClickAsync();

        await Expect(dialog.Root).ToHaveCountAsync(0);
        await Expect(region.Snackbar(Ui.Text("PlanSettings_Saved"))).ToBeVisibleAsync();
        await Expect(region.Systems).ToContainTextAsync(Ui.Text("Region_Systems", "设置检查市医保业务系统", "国家医疗保障信息平台（设置检查）"));

        // Go-live Monday 2027-03-22, not counted: five working days end on Monday 03-29.
        await Expect(region.DeadlineDate).ToHaveTextAsync(Ui.Text("Deadline_EndOf", "2027-03-29"));
        await Expect(page.Locator(".catch-up-card")).ToContainTextAsync(Ui.Text("Deadline_RuleWorkingDays", 5));
        await Expect(page.Locator(".plan-source")).ToContainTextAsync("设置检查市医疗保障局");
        await page.ScreenshotIfAskedAsync("plan-settings-saved");

        await page.SetCultureAsync(Ui.English);
        await region.OpenAsync();
        await Expect(region.Systems).ToContainTextAsync(Ui.In(Ui.English, "Region_Systems", "Settings-check legacy system", "National platform (settings check)"));
        var english = await region.OpenSettingsAsync(Ui.English);
        await Expect(english.WorkingDays).ToHaveValueAsync("5");
        await page.ScreenshotIfAskedAsync("plan-settings-english");
    }
}
