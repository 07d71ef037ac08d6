using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class HeldPatientEntryTests(BrowserFixture browser)
{
    [Fact]
    public async Task Desk_logs_a_patient_by_keyboard_sees_it_masked_in_the_list_and_prints_the_notice_slip()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.OpenAsync("/held-patients/new");
        var id = TestIds.Resident(area: "340102", birth: "19850611", endingInX: true, start: 100);

        // The cursor starts in the name field; from here on only the keyboard is used.
        await Expect(page.Locator("[data-field='PatientName']:focus, [data-field='PatientName'] :focus")).ToHaveCountAsync(1);
        await page.Keyboard.TypeAsync("键盘测试");
        await TabToAsync(page, "IdNumber");
        await page.Keyboard.TypeAsync(id.ToLowerInvariant());
        await TabToAsync(page, "Phone");
        await page.Keyboard.TypeAsync("13800138000");
        await TabToAsync(page, "Department");
        await page.Keyboard.TypeAsync("心内科");
        await TabToAsync(page, "InvoiceNumbers");
        await page.Keyboard.TypeAsync("2026112100001");
        await page.ScreenshotIfAskedAsync("held-patient-form");
        await TabToAsync(page, ".save-button");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/held-patients/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "键盘测试", Level = 1 })).ToBeVisibleAsync();
        var recordUrl = page.Url;
        await page.ScreenshotIfAskedAsync("held-patient-record");

        await page.OpenAsync("/held-patients");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "键盘测试" });
        await Expect(row).ToContainTextAsync(id[..6] + "********" + id[^4..]);
        await Expect(row).Not.ToContainTextAsync(id);
        await page.ScreenshotIfAskedAsync("held-patient-list");

        await page.GotoAsync(recordUrl + "/notice");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "医保业务告知单" })).ToBeVisibleAsync();
        await Expect(page.Locator(".notice-slip")).ToContainTextAsync("社会保障卡");
        await page.ScreenshotIfAskedAsync("notice-slip");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".print-toolbar")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        Assert.Contains("/Count 1", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_desks_editing_the_same_record_the_second_is_told_and_can_reload()
    {
        var first = await browser.NewPageAsync();
        await first.SignInAsync(DemoAccounts.Desk);
        var editUrl = await first.LogHeldPatientAsync("并发测试", TestIds.Resident(area: "340102", start: 300)) + "/edit";
        var second = await browser.NewPageAsync();
        await second.SignInAsync(DemoAccounts.Desk);
        await first.OpenAsync(editUrl);
        await second.OpenAsync(editUrl);

        await first.Locator("input[data-field='Department']").FillAsync("内科");
        await first.Locator(".save-button").ClickAsync();
        await Expect(first).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/edit$"));
        await second.Locator("input[data-field='Department']").FillAsync("外科");
        await second.Locator(".save-button").ClickAsync();

        await Expect(second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "已被他人修改" })).ToBeVisibleAsync();
        await Expect(second.Locator("input[data-field='Department']")).ToHaveValueAsync("外科");
        await second.ScreenshotIfAskedAsync("held-patient-conflict");
        await second.GetByRole(AriaRole.Button, new() { Name = "加载最新内容" }).ClickAsync();
        await Expect(second.Locator("input[data-field='Department']")).ToHaveValueAsync("内科");
    }

    /// <summary>Presses Tab until the focus is in the named field (or on the element the selector names).</summary>
    private static async Task TabToAsync(IPage page, string target)
    {
        var selector = target.StartsWith('.') ? target : $"[data-field='{target}']";
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && !!document.activeElement.closest(s)", selector))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {target}.");
    }
}
