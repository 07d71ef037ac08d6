using Dashboard.Core.Import;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Core.Validation;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Import;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The import's two choices besides the file: what it holds (paper forms here: each bad row's errors by row and
/// column, the valid forms in the paper-form list), and, for an administrator, the facility it goes to (the rows
/// land there and nowhere else).
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ImportChoicesInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>Before the browser tests' clock (the seeded one of the service tests is later).</summary>
    private const string IssuedAt = "2026-11-19 08:00";

    [Fact]
    public async Task A_desk_imports_paper_forms_sees_each_bad_rows_errors_and_finds_the_valid_forms_in_the_list()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var import = new ImportPage(page);
        await page.OpenAsync("/import");
        await import.ChooseKindAsync(ImportKind.PaperForms);
        var (first, second) = (OwnData.Unique("纸质导入甲"), OwnData.Unique("纸质导入乙"));
        var serial = OwnData.Unique("IMP");
        using var file = await import.DownloadAndFillTemplateAsync(ImportKind.PaperForms, sheet =>
        {
            sheet.Fill(2, ImportWorkbooks.PaperForm(serial, first, TestIds.Resident(area: "340111", start: 540), IssuedAt));
            var wrongSubkind = ImportWorkbooks.PaperForm(OwnData.Unique("IMP"), "细类错", TestIds.Resident(area: "340111", start: 550), IssuedAt);
            wrongSubkind["PF_Subkind"] = Ui.Text("PFSubkind_Resettlement");
            wrongSubkind["PF_IssuedBy"] = null;
            sheet.Fill(3, wrongSubkind);
            sheet.Fill(4, ImportWorkbooks.PaperForm(OwnData.Unique("IMP"), second, TestIds.Resident(area: "340111", start: 560), IssuedAt));
            sheet.Fill(5, ImportWorkbooks.PaperForm(serial, "编号重复", TestIds.Resident(area: "340111", start: 570), IssuedAt));
        });
        Assert.Equal($"{Ui.Text("Import_TemplateFile")}_{Ui.Text("Import_SheetPaperForms")}.xlsx", file.DownloadName);

        await import.UploadAsync(file.Path);

        await Expect(import.Summary).ToContainTextAsync(Ui.Text("Import_Summary", 4, 2, 2));
        await Expect(import.Summary).ToContainTextAsync(Ui.Text("Import_Duplicates", 1));
        var errors = await import.ErrorsAsync();
        Assert.Equal(3, errors.Count);
        Assert.Contains(("3", Ui.Text("PF_Subkind"), Ui.Text(PaperFormRules.SubkindMismatch)), errors);
        Assert.Contains(("3", Ui.Text("PF_IssuedBy"), Ui.Text(ValidationErrors.Required)), errors);
        var repeated = Assert.Single(errors, e => e.Row == "5");
        Assert.Equal(Ui.Text("PF_Serial"), repeated.Column);
        Assert.Matches(Ui.Matching(Ui.Chinese, PaperFormService.SerialTaken, serial, first, ".+", ".+"), repeated.Message);
        await page.ScreenshotIfAskedAsync("import-paper-forms-preview");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await import.CommitAndOpenListAsync(2, "import-paper-forms-done");
        var list = RecordListPage.PaperForms(page);
        await Expect(list.Row(first)).ToContainTextAsync(serial);
        await Expect(list.Row(second)).ToBeVisibleAsync();
        await Expect(list.Row("细类错")).ToHaveCountAsync(0);
        await Expect(list.Row("编号重复")).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("import-paper-forms-list");
    }

    [Fact]
    public async Task An_administrator_imports_at_the_facility_chosen_and_the_rows_land_there_only()
    {
        var facilityName = OwnData.Unique("导入目标医院");
        var facilityId = await Browser.FacilityAsync(RehearsalRegion.Code, facilityName);
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var import = new ImportPage(page);
        await page.OpenAsync("/import");
        await Expect(import.ChooseFile).ToBeDisabledAsync();
        await Expect(page.GetByText(Ui.Text("Import_FacilityHint"), new() { Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("import-admin-no-facility");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await import.ChooseFacilityAsync(facilityName);
        var names = new[] { OwnData.Unique("管理员导入甲"), OwnData.Unique("管理员导入乙") };
        using var file = await import.DownloadAndFillTemplateAsync(ImportKind.HeldPatients, sheet =>
        {
            for (var i = 0; i < names.Length; i++)
            {
                sheet.Fill(i + 2, ImportWorkbooks.HeldPatient(names[i], TestIds.Resident(area: "340111", start: 580 + (10 * i)), IssuedAt));
            }
        });
        await import.UploadAsync(file.Path);

        await Expect(import.Summary).ToContainTextAsync(Ui.Text("Import_Summary", 2, 2, 0));
        await Expect(import.Facility).ToBeDisabledAsync();
        await page.ScreenshotIfAskedAsync("import-admin-preview");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
        await import.Commit(2).ClickAsync();
        await Expect(import.Outcome).ToHaveTextAsync(Ui.Text("Import_Done", 2));
        await Expect(import.ChooseFile).ToBeEnabledAsync();
        await page.ScreenshotIfAskedAsync("import-admin-done");

        await using (var db = await Browser.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal([facilityId, facilityId], await db.HeldPatients.Where(p => names.Contains(p.PatientName)).Select(p => p.FacilityId).ToListAsync());
        }

        await import.OpenList.ClickAsync();
        var list = RecordListPage.HeldPatients(page);
        await Expect(list.Row(names[0])).ToContainTextAsync(facilityName);
        await Expect(list.Row(names[1])).ToContainTextAsync(facilityName);
        await page.ScreenshotIfAskedAsync("import-admin-list");
    }
}
