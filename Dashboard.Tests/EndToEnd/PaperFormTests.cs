using Dashboard.Core.PaperForms;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(SecondBrowserCollection.Name)]
public sealed class PaperFormTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Desk_registers_a_transfer_form_and_the_gap_report_changes()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var stock = new FormStockPage(page);
        await stock.OpenAsync();
        await stock.AddRangeAsync("T-0101", "T-0110");
        var range = stock.Range("T-0101", "T-0110");
        await Expect(await stock.CellAsync(range, "Stock_Missing")).ToHaveTextAsync("—");

        var form = new PaperFormForm(page);
        await form.OpenAsync();
        await form.FillTransferAsync("T-0104", "纸质单测试", TestIds.Resident(area: "340102", start: 700), "合肥市第一人民医院", "王医生");
        await page.ScreenshotIfAskedAsync("paper-form-new");
        await form.Save.ClickAsync();
        await Expect(form.Heading(PaperFormForm.TransferTitle("T-0104"))).ToBeVisibleAsync();

        await stock.OpenAsync();
        await Expect(await stock.CellAsync(range, "Stock_Used")).ToHaveTextAsync("1");
        await Expect(await stock.CellAsync(range, "Stock_Missing")).ToContainTextAsync("T-0101–T-0103");
        await page.ScreenshotIfAskedAsync("paper-form-stock");

        await form.OpenAsync();
        await form.FillTransferAsync("T-0104", "另一个人", TestIds.Resident(area: "340102", start: 720), "合肥市第一人民医院", "王医生");
        await form.Save.ClickAsync();
        await Expect(form.ErrorOf(nameof(PaperFormInput.SerialNumber))).ToContainTextAsync(
            Ui.Matching(Ui.Chinese, "Form_SerialTaken", "T-0104", "纸质单测试", ".+", ".+"));
    }
}
