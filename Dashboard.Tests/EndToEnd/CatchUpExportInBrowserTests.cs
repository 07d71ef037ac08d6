using ClosedXML.Excel;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class CatchUpExportInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_desk_downloads_its_catch_up_list_and_the_workbook_opens()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var id = TestIds.Resident(area: "340102", endingInX: true, start: 900);
        await page.LogHeldPatientAsync("导出测试", id);

        var catchUp = new CatchUpPage(page);
        await catchUp.OpenAsync();
        await Expect(catchUp.Count("CU_HeldOutstanding")).Not.ToHaveTextAsync("0");
        await page.ScreenshotIfAskedAsync("catch-up");
        var download = await page.RunAndWaitForDownloadAsync(() => catchUp.Export.ClickAsync());

        Assert.StartsWith($"{Ui.Text("Export_FilePrefix")}_演练（合肥）_演练市第一人民医院_", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        await using var file = File.OpenRead(path);
        using var workbook = new XLWorkbook(file);
        var held = workbook.Worksheet(Ui.Text("Export_HeldSheet"));
        var row = held.RowsUsed().Single(r => r.Cells().Any(c => c.GetString() == "导出测试"));
        Assert.Contains(row.Cells(), c => c.GetString() == id);
        Assert.True(workbook.Worksheet(Ui.Text("Export_SummarySheet")).RowsUsed().Count() > 1);
    }
}
