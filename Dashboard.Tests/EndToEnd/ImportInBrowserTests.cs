using Dashboard.Core.Import;
using Dashboard.Core.Seeding;
using Dashboard.Core.Validation;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Import;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// A billing desk imports held patients from Excel as a clerk would: the template from the page, filled in
/// (here with ClosedXML), uploaded; the preview's row errors read off the screen; the valid rows imported
/// and found in the list. A file that is no workbook is refused next to the upload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_desk_fills_the_template_sees_each_bad_rows_errors_and_imports_the_valid_rows()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var import = new ImportPage(page);
        await page.OpenAsync("/");
        await import.Link("Nav_Import").ClickAsync();
        await Expect(import.Heading(Ui.Text("Import_Title"))).ToBeVisibleAsync();

        var first = OwnData.Unique("导入甲");
        var second = OwnData.Unique("导入乙");
        using var file = await import.DownloadAndFillTemplateAsync(ImportKind.HeldPatients, sheet =>
        {
            sheet.Fill(2, ImportWorkbooks.HeldPatient(first, TestIds.Resident(area: "340111", start: 500), "2026-11-19 08:00"));
            var badPhone = ImportWorkbooks.HeldPatient("电话错", TestIds.Resident(area: "340111", start: 510), "2026-11-19 08:00");
            badPhone["HP_Phone"] = "12345";
            sheet.Fill(3, badPhone);
            sheet.Fill(4, ImportWorkbooks.HeldPatient(second, TestIds.Resident(area: "340111", start: 520), new DateTime(2026, 11, 19, 8, 0, 0)));
            var badCategory = ImportWorkbooks.HeldPatient("类别错", TestIds.Resident(area: "340111", start: 530), "2026-11-19 08:00");
            badCategory["HP_Category"] = "住院";
            sheet.Fill(6, badCategory);
        });
        Assert.Equal($"{Ui.Text("Import_TemplateFile")}_{Ui.Text("Import_SheetHeldPatients")}.xlsx", file.DownloadName);

        await import.UploadAsync(file.Path);

        await Expect(import.Summary).ToContainTextAsync(Ui.Text("Import_Summary", 4, 2, 2));
        Assert.Equal(
            [
                ("3", Ui.Text("HP_Phone"), Ui.Text(ValidationErrors.Phone)),
                ("6", Ui.Text("HP_Category"), Ui.Text(ImportRowMapper.UnknownChoice, "住院",
                    string.Join("、", Enum.GetValues<Dashboard.Core.HeldPatients.HeldPatientCategory>().Select(c => Ui.Text("HPCategory_" + c))))),
            ],
            await import.ErrorsAsync());
        await page.ScreenshotIfAskedAsync("import-preview");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await import.CommitAndOpenListAsync(2, "import-done");
        var list = RecordListPage.HeldPatients(page);
        await Expect(list.Row(first)).ToBeVisibleAsync();
        await Expect(list.Row(second)).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(Ui.Chinese)]
    [InlineData(Ui.English)]
    public async Task A_file_that_is_no_workbook_is_refused_next_to_the_upload(string culture)
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var import = new ImportPage(page, culture);
        await page.SetCultureAsync(culture);
        await page.OpenAsync("/import");
        var file = Path.Combine(Path.GetTempPath(), OwnData.Unique("not-a-workbook") + ".xlsx");
        await File.WriteAllTextAsync(file, "姓名,身份证号\n王芳,340104199003071234\n");
        try
        {
            await import.UploadAsync(file);

            await Expect(import.Refusal).ToHaveTextAsync(Ui.In(culture, WorkbookPackage.NotWorkbook));
            await Expect(import.Summary).ToHaveCountAsync(0);
            await Expect(import.ChooseFile).ToBeEnabledAsync();
            await page.ScreenshotIfAskedAsync("import-refused-" + culture);
            AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
