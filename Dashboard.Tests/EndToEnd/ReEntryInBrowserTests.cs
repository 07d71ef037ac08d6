using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// A manager brings the filled-in catch-up list back: the page shows what it would change and which
/// rows it cannot apply (row, column, reason), applies the rest on request, and refuses a file that is
/// not such a list with its reason under the button.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ReEntryInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_manager_previews_a_filled_in_list_sees_the_row_it_cannot_apply_and_applies_the_rest()
    {
        var desk = await Browser.NewPageAsync(DemoAccounts.Desk);
        var recordUrl = await desk.LogHeldPatientAsync("回填浏览器", TestIds.Resident(area: "340102", start: 870));
        var id = int.Parse(recordUrl[(recordUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var file = FilledInList((id, "已补登记", "YB-E2E-1"), (999_999, "已补登记", "YB-E2E-2"));

        var page = await Browser.NewPageAsync(DemoAccounts.Manager);
        var catchUp = new CatchUpPage(page);
        await catchUp.OpenAsync();
        await catchUp.ChooseReEntryFileAsync(file);

        await Expect(catchUp.ReEntryCounts).ToHaveTextAsync(Ui.Text("ReEntry_Counts", 1, 0, 1));
        var refused = catchUp.ReEntryProblemRow(Ui.Text("ReEntry_NotFound", "999999"));
        await Expect(refused).ToContainTextAsync(Ui.Text("Export_RecordId"));
        await Expect(refused).ToContainTextAsync("3");
        await Expect(catchUp.ReEntryPreview).ToContainTextAsync("回填浏览器");
        await page.ScreenshotIfAskedAsync("re-entry-preview");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await catchUp.ReEntryApply.ClickAsync();

        await Expect(page.GetByText(Ui.Text("ReEntry_Applied", 1))).ToBeVisibleAsync();
        await Expect(catchUp.ReEntryPreview).ToHaveCountAsync(0);
        var record = new RecordPage(desk);
        await desk.OpenAsync(recordUrl);
        await Expect(record.Status("HPStatus_ReRegistered")).ToBeVisibleAsync();
        await Expect(desk.Locator("main")).ToContainTextAsync("YB-E2E-1");
    }

    [Theory]
    [InlineData(Ui.Chinese)]
    [InlineData(Ui.English)]
    public async Task A_file_that_is_not_a_list_is_refused_under_the_button_with_its_reason(string culture)
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-list-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(path, "记录编号,状态\n1,已补登记\n");
        var page = await Browser.NewPageAsync(DemoAccounts.Manager);
        await page.SetCultureAsync(culture);
        var catchUp = new CatchUpPage(page, culture);
        await catchUp.OpenAsync();

        await catchUp.ChooseReEntryFileAsync(path);

        await Expect(catchUp.ReEntryProblem).ToHaveTextAsync(Ui.In(culture, "ReEntry_NotWorkbook"));
        await page.ScreenshotIfAskedAsync($"re-entry-not-a-workbook-{culture}");
        await Expect(catchUp.ReEntryPreview).ToHaveCountAsync(0);
        await using var db = await Browser.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.Refused && a.UserName == DemoAccounts.Manager.UserName && a.AfterJson!.Contains(Path.GetFileName(path))));
    }

    /// <summary>A held-patient sheet as the export writes its headers, with the clerks' status and number in each row.</summary>
    private static string FilledInList(params (int Id, string Status, string Number)[] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet(Ui.Text("Export_HeldSheet"));
        string[] headers = [Ui.Text("HP_PatientName"), Ui.Text("HP_Status"), Ui.Text("HP_NewPlatformNumber"), Ui.Text("Export_RecordId")];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Cell(r + 2, 2).Value = rows[r].Status;
            sheet.Cell(r + 2, 3).Value = rows[r].Number;
            sheet.Cell(r + 2, 4).Value = rows[r].Id;
        }

        var path = Path.Combine(Path.GetTempPath(), $"re-entry-{Guid.NewGuid():N}.xlsx");
        book.SaveAs(path);
        return path;
    }
}
