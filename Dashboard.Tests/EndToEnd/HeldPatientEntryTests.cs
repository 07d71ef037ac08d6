using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class HeldPatientEntryTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Desk_logs_a_patient_by_keyboard_sees_it_masked_in_the_list_and_prints_the_notice_slip()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        await FieldHistory.RecordAsync(page);
        var form = new HeldPatientForm(page);
        await form.OpenAsync();
        var id = TestIds.Resident(area: "340102", birth: "19850611", endingInX: true, start: 100);

        // The cursor starts in the name field; from here on only the keyboard is used.
        await Expect(form.PatientName).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("键盘测试");
        await TabToAsync(page, form.IdNumber);
        await page.Keyboard.TypeAsync(id.ToLowerInvariant());
        await TabToAsync(page, form.Phone);
        await page.Keyboard.TypeAsync("13800138000");
        await TabToAsync(page, form.Department);
        await page.Keyboard.TypeAsync("心内科");
        await TabToAsync(page, form.InvoiceNumbers);
        await page.Keyboard.TypeAsync("2026112100001");
        await page.ScreenshotIfAskedAsync("held-patient-form");
        await TabToAsync(page, form.Save);
        await page.Keyboard.PressAsync("Enter");

        await FieldHistory.OnFailureAsync(page, () => Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/held-patients/\d+$")));
        await Expect(form.Heading("键盘测试")).ToBeVisibleAsync();
        var recordUrl = page.Url;
        await page.ScreenshotIfAskedAsync("held-patient-record");

        var list = RecordListPage.HeldPatients(page);
        await list.OpenAsync();
        var row = list.Row("键盘测试");
        await Expect(row).ToContainTextAsync(id[..6] + "********" + id[^4..]);
        await Expect(row).Not.ToContainTextAsync(id);
        await page.ScreenshotIfAskedAsync("held-patient-list");

        var slip = new NoticeSlipPage(page);
        await slip.OpenAsync(recordUrl);
        await Expect(slip.Title).ToBeVisibleAsync();
        await Expect(slip.Slip).ToContainTextAsync(Ui.Text("Notice_Bring_Card"));
        await page.ScreenshotIfAskedAsync("notice-slip");
        Assert.Contains("/Count 1", await slip.PrintToPdfAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_desks_editing_the_same_record_the_second_is_told_and_can_reload()
    {
        var first = await Browser.NewPageAsync(DemoAccounts.Desk);
        var editUrl = await first.LogHeldPatientAsync("并发测试", TestIds.Resident(area: "340102", start: 300)) + "/edit";
        var second = await Browser.NewPageAsync(signedInAs: first);
        var firstForm = new HeldPatientForm(first, editUrl);
        var secondForm = new HeldPatientForm(second, editUrl);
        await firstForm.OpenAsync();
        await secondForm.OpenAsync();
        // Both desks see the record before either saves: a form still loading when the first desk saves
        // rightly loads the saved values, and the second save is then no conflict (seen in CI).
        await Expect(firstForm.Department).ToBeVisibleAsync();
        await Expect(secondForm.Department).ToBeVisibleAsync();

        await firstForm.Department.FillAsync("内科");
        await firstForm.Save.ClickAsync();
        await Expect(first).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/edit$"));
        await secondForm.Department.FillAsync("外科");
        await secondForm.Save.ClickAsync();

        await Expect(secondForm.Conflict).ToBeVisibleAsync();
        await Expect(secondForm.Department).ToHaveValueAsync("外科");
        await second.ScreenshotIfAskedAsync("held-patient-conflict");
        await secondForm.ReloadLatest.ClickAsync();
        await Expect(secondForm.Department).ToHaveValueAsync("内科");
    }

    /// <summary>Presses Tab until the focus is on <paramref name="target"/>.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {target}.");
    }
}
