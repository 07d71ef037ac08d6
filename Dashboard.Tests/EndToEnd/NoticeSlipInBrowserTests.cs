using System.Text.RegularExpressions;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class NoticeSlipInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string PatientPath = $"/regions/{RehearsalRegion.Code}/patients";

    [Fact]
    public async Task A_desk_switches_the_slip_to_english_and_prints_it_on_one_page_with_the_qr_code()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var recordUrl = await page.LogHeldPatientAsync("语言切换", TestIds.Resident(area: "340102", birth: "19660412", start: 10));

        var slip = new NoticeSlipPage(page);
        await slip.OpenAsync(recordUrl);
        await Expect(slip.Slip).ToHaveAttributeAsync("lang", Ui.Chinese);
        await Expect(slip.LastDay).ToHaveTextAsync(NoticeSlipPage.LastDayLine(Ui.Chinese));
        await Expect(slip.QrCode).ToBeVisibleAsync();
        Assert.Equal(Browser.BaseUrl + PatientPath, await slip.QrUrlAsync());
        await page.ScreenshotIfAskedAsync("notice-slip-zh");

        await slip.Language("English").ClickAsync();

        await Expect(slip.Slip).ToHaveAttributeAsync("lang", Ui.English);
        await Expect(slip.LastDay).ToHaveTextAsync(NoticeSlipPage.LastDayLine(Ui.English));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", await slip.LastDay.InnerTextAsync());
        await Expect(slip.QrCaption(Ui.English)).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("notice-slip-en");
        Assert.Contains("/Count 1", await slip.PrintToPdfAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A desk who picks English the moment the slip shows, before it is live, must not get a slip that
    /// turns back to Chinese when it connects: the slip took that click and then undid it under load.
    /// </summary>
    [Fact]
    public async Task A_slip_still_connecting_takes_no_click_and_says_so_then_switches_language_when_live()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var recordUrl = await page.LogHeldPatientAsync("连接中切换", TestIds.Resident(area: "340102", birth: "19660412", start: 30));
        var connection = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await connection.Task;
            await route.ContinueAsync();
        });

        var slip = new NoticeSlipPage(page);
        await page.GotoAsync(recordUrl + "/notice");
        await Expect(slip.Slip).ToHaveAttributeAsync("lang", Ui.Chinese);
        await Expect(slip.Connecting).ToBeVisibleAsync();
        await Expect(slip.InertCopy).ToHaveCountAsync(1);
        await page.ScreenshotIfAskedAsync("notice-slip-connecting");

        connection.SetResult();
        await page.WaitInteractiveAsync();
        await Expect(slip.Connecting).ToHaveCountAsync(0);
        await slip.Language("English").ClickAsync();
        await Expect(slip.Slip).ToHaveAttributeAsync("lang", Ui.English);
        await Expect(slip.LastDay).ToHaveTextAsync(NoticeSlipPage.LastDayLine(Ui.English));
    }

    [Fact]
    public async Task A_voided_record_offers_no_slip_and_its_slip_address_says_why()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var recordUrl = await page.LogHeldPatientAsync("作废告知", TestIds.Resident(area: "340102", birth: "19660412", start: 20));
        var record = new RecordPage(page);
        await Expect(record.NoticeSlipLink).ToBeVisibleAsync();

        var dialog = await record.StartAsync("HPAction_Voided");
        await dialog.Reason.FillAsync("重复登记");
        await dialog.Confirm.ClickAsync();

        await Expect(record.Status("HPStatus_Voided")).ToBeVisibleAsync();
        await Expect(record.NoticeSlipLink).ToHaveCountAsync(0);
        var slip = new NoticeSlipPage(page);
        await slip.OpenAsync(recordUrl);
        await Expect(page.GetByText(Ui.Text("Notice_NotPrintable_Voided"))).ToBeVisibleAsync();
        await Expect(slip.Slip).ToHaveCountAsync(0);
        await Expect(slip.Print).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("notice-slip-voided");
    }

    [Fact]
    public async Task A_patient_opens_the_regions_page_on_a_phone_without_signing_in()
    {
        var context = await Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var patients = new PatientInfoPage(page);

        await page.OpenAsync(PatientPath);

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(PatientPath) + "$"));
        await Expect(patients.Heading("演练（合肥）")).ToBeVisibleAsync();
        await Expect(patients.Phase).ToHaveTextAsync(PatientInfoPage.AnyPhase(Ui.Chinese));
        await Expect(patients.GoLive).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"));
        await Expect(patients.LastDay).ToContainTextAsync(PatientInfoPage.LastDayLine(Ui.Chinese));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The page scrolls sideways on a phone.");
        await page.ScreenshotIfAskedAsync("patient-page-phone");
        await patients.WhatToBring.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotIfAskedAsync("patient-page-phone-bottom");

        // The language menu's endpoint, as a patient who reads English would use it.
        await page.OpenAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(PatientPath)}");
        await Expect(patients.Phase).ToHaveTextAsync(PatientInfoPage.AnyPhase(Ui.English));
        await Expect(patients.LastDay).ToContainTextAsync(PatientInfoPage.LastDayLine(Ui.English));
        await page.ScreenshotIfAskedAsync("patient-page-phone-en");
    }
}
