using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class PaperFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task Desk_registers_a_transfer_form_and_the_gap_report_changes()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.OpenAsync("/paper-forms/stock");
        await page.Locator("input[data-field='FirstSerial']").FillAsync("T-0101");
        await page.Locator("input[data-field='LastSerial']").FillAsync("T-0110");
        await page.Locator(".add-range-button").ClickAsync();
        var range = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "T-0101–T-0110" });
        await Expect(range.Locator(".stock-missing")).ToHaveTextAsync("—");

        await page.OpenAsync("/paper-forms/new");
        await page.Locator("input[data-field='SerialNumber']").FillAsync("T-0104");
        await page.Locator("input[data-field='PatientName']").FillAsync("纸质单测试");
        await page.Locator("input[data-field='IdNumber']").FillAsync(TestIds.Resident(area: "340102", start: 700));
        await page.Locator("input[data-field='Destination']").FillAsync("合肥市第一人民医院");
        await page.Locator("input[data-field='IssuedBy']").FillAsync("王医生");
        await page.ScreenshotIfAskedAsync("paper-form-new");
        await page.Locator(".save-button").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转院转诊登记表 T-0104", Level = 1 })).ToBeVisibleAsync();

        await page.OpenAsync("/paper-forms/stock");
        range = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "T-0101–T-0110" });
        await Expect(range.Locator(".stock-used")).ToHaveTextAsync("1");
        await Expect(range.Locator(".stock-missing")).ToContainTextAsync("T-0101–T-0103");
        await page.ScreenshotIfAskedAsync("paper-form-stock");

        await page.OpenAsync("/paper-forms/new");
        await page.Locator("input[data-field='SerialNumber']").FillAsync("T-0104");
        await page.Locator("input[data-field='PatientName']").FillAsync("另一个人");
        await page.Locator("input[data-field='IdNumber']").FillAsync(TestIds.Resident(area: "340102", start: 720));
        await page.Locator("input[data-field='Destination']").FillAsync("合肥市第一人民医院");
        await page.Locator("input[data-field='IssuedBy']").FillAsync("王医生");
        await page.Locator(".save-button").ClickAsync();
        await Expect(page.GetByText("编号 T-0104 已用于 纸质单测试")).ToBeVisibleAsync();
    }
}
