using System.Text.RegularExpressions;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(ThirdBrowserCollection.Name)]
public sealed partial class NoticeSlipInBrowserTests(BrowserFixture browser)
{
    private static readonly string PatientPath = $"/regions/{RehearsalRegion.Code}/patients";

    [Fact]
    public async Task A_desk_switches_the_slip_to_english_and_prints_it_on_one_page_with_the_qr_code()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        var recordUrl = await page.LogHeldPatientAsync("语言切换", TestIds.Resident(area: "340102", birth: "19660412", start: 10));

        await page.GotoAsync(recordUrl + "/notice");
        var slip = page.Locator(".notice-slip");
        var deadline = page.Locator(".notice-deadline");
        await Expect(slip).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(deadline).ToContainTextAsync(ChineseLastDay());
        await Expect(page.Locator(".notice-qr svg")).ToBeVisibleAsync();
        Assert.Equal(browser.BaseUrl + PatientPath, await page.Locator(".notice-qr").GetAttributeAsync("data-url"));
        await page.ScreenshotIfAskedAsync("notice-slip-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(slip).ToHaveAttributeAsync("lang", "en");
        await Expect(deadline).ToContainTextAsync(EnglishLastDay());
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", await deadline.InnerTextAsync());
        await Expect(page.Locator(".notice-qr figcaption")).ToHaveTextAsync("Scan to follow the local insurance system switch-over");
        await page.ScreenshotIfAskedAsync("notice-slip-en");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".print-toolbar")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        Assert.Contains("/Count 1", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voided_record_offers_no_slip_and_its_slip_address_says_why()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        var recordUrl = await page.LogHeldPatientAsync("作废告知", TestIds.Resident(area: "340102", birth: "19660412", start: 20));
        var printLink = page.Locator("a[href$='/notice']");
        await Expect(printLink).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "作废", Exact = true }).ClickAsync();
        await page.Locator("textarea[data-field='Reason']").FillAsync("重复登记");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Expect(page.Locator(".mud-chip").Filter(new() { HasText = "已作废" }).First).ToBeVisibleAsync();
        await Expect(printLink).ToHaveCountAsync(0);
        await page.GotoAsync(recordUrl + "/notice");
        await Expect(page.GetByText("此记录已作废，不打印告知单。")).ToBeVisibleAsync();
        await Expect(page.Locator(".notice-slip")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("notice-slip-voided");
    }

    [Fact]
    public async Task A_patient_opens_the_regions_page_on_a_phone_without_signing_in()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();

        await page.OpenAsync(PatientPath);

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(PatientPath) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "演练（合肥）", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".patient-phase .phase-chip")).ToHaveTextAsync(new Regex("^(准备期|停机期|补录期|已结束)$"));
        await Expect(page.Locator(".go-live-time")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"));
        await Expect(page.Locator(".deadline-last-day")).ToContainTextAsync(ChineseLastDay());
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The page scrolls sideways on a phone.");
        await page.ScreenshotIfAskedAsync("patient-page-phone");
        await page.Locator(".patient-bring").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("patient-page-phone-bottom");

        // The language menu's endpoint, as a patient who reads English would use it.
        await page.OpenAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(PatientPath)}");
        await Expect(page.Locator(".patient-phase .phase-chip")).ToHaveTextAsync(new Regex("^(Preparation|Outage|Catch-up|Closed)$"));
        await Expect(page.Locator(".deadline-last-day")).ToContainTextAsync(EnglishLastDay());
        await page.ScreenshotIfAskedAsync("patient-page-phone-en");
        await context.CloseAsync();
    }

    [GeneratedRegex(@"请最迟于 \d{4} 年 \d{1,2} 月 \d{1,2} 日（星期[一二三四五六日]）当天")]
    private static partial Regex ChineseLastDay();

    [GeneratedRegex(@"no later than (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4} \(that day included\)")]
    private static partial Regex EnglishLastDay();
}
