using ClosedXML.Excel;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Privacy;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
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

    [Fact]
    public async Task A_manager_exports_masked_ids_and_full_ones_only_with_a_purpose_whose_refusal_shows_under_its_box()
    {
        var desk = await Browser.NewPageAsync(DemoAccounts.Desk);
        var name = OwnData.Unique("经理导出");
        var id = TestIds.Resident(area: "340102", start: 960);
        await desk.LogHeldPatientAsync(name, id);

        var page = await Browser.NewPageAsync(DemoAccounts.Manager);
        var catchUp = new CatchUpPage(page);
        await catchUp.OpenAsync();
        await catchUp.Export.ClickAsync();
        var dialog = new ExportPersonalDataDialog(page);
        await Expect(dialog.Masked).ToBeCheckedAsync();
        await page.ScreenshotIfAskedAsync("export-dialog-masked");
        var masked = await page.RunAndWaitForDownloadAsync(() => dialog.Export.ClickAsync());
        Assert.Equal(PersonalDataMask.IdNumber(id), await IdNumberOfAsync(masked, name));

        await catchUp.Export.ClickAsync();
        await dialog.Full.CheckAsync();

        // The purpose box appears when the server has the choice, pushing the buttons down: a click
        // aimed before that render landed beside the button (seen under load).
        await Expect(dialog.Purpose).ToBeVisibleAsync();
        await dialog.Export.ClickAsync();
        await Expect(dialog.PurposeMessage).ToHaveTextAsync(Ui.Text("Export_PurposeRequired", PersonalDataChoice.PurposeMinLength));
        await page.ScreenshotIfAskedAsync("export-dialog-purpose-refused");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
        await dialog.Purpose.FillAsync("国家平台补录结算");
        await page.ScreenshotIfAskedAsync("export-dialog-full-with-purpose");
        var full = await page.RunAndWaitForDownloadAsync(() => dialog.Export.ClickAsync());

        Assert.Equal(id, await IdNumberOfAsync(full, name));
    }

    /// <summary>The ID number cell of the patient's row in a downloaded workbook's held-patient sheet.</summary>
    private static async Task<string> IdNumberOfAsync(Microsoft.Playwright.IDownload download, string patientName)
    {
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        var held = workbook.Worksheet(Ui.Text("Export_HeldSheet"));
        var column = held.Row(1).CellsUsed().Single(c => c.GetString() == Ui.Text("HP_IdNumber")).Address.ColumnNumber;
        return held.RowsUsed().Single(r => r.Cells().Any(c => c.GetString() == patientName)).Cell(column).GetString();
    }
}
