using Dashboard.Core.Persistence;
using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Import;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Validation;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Import;

/// <summary>
/// Importing a filled-in template as a desk, through the bulk intake, on a seeded database whose clock is
/// 2026-11-22 04:00 UTC (rehearsal stop 2026-11-24 12:00 local): the preview's errors are the form's,
/// nothing is written before the commit, a second import of the same file adds nothing, and every
/// import, cancellation and refusal is audited.
/// </summary>
public class RecordImportTests : SeededCoreTests
{
    public RecordImportTests()
    {
    }

    protected RecordImportTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private RecordImport Import => Core.Get<RecordImport>();

    private async Task<ImportPreview> PreviewAsync(Stream file, ImportKind kind = ImportKind.HeldPatients, string culture = Ui.Chinese) =>
        await Import.PreviewAsync(await Core.ScopeOf("desk"), kind, 0, "患者.xlsx", file, ImportWorkbooks.Texts(culture));

    private async Task<int> HeldPatientCountAsync()
    {
        await using var db = Core.CreateDb();
        return await db.HeldPatients.CountAsync();
    }

    private static MemoryStream Workbook(params Dictionary<string, object?>[] rows)
    {
        using var workbook = ImportWorkbooks.Template(ImportKind.HeldPatients);
        var sheet = workbook.DataSheet(ImportKind.HeldPatients);
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Fill(i + 2, rows[i]);
        }

        return workbook.ToStream();
    }

    [Fact]
    public async Task The_preview_lists_each_bad_rows_errors_by_excel_row_and_column_with_the_forms_messages_and_writes_nothing()
    {
        var bad = ImportWorkbooks.HeldPatient("坏行", TestIds.Resident()[..17]);
        bad["HP_Phone"] = "12345";
        bad["HP_InsuranceType"] = "商业保险";
        var badId = ImportWorkbooks.HeldPatient("号码错", TestIds.Resident()[..17]);
        using var file = Workbook(ImportWorkbooks.HeldPatient("好行", TestIds.Resident(start: 20)), bad, badId);

        var preview = await PreviewAsync(file);

        Assert.Null(preview.Refusal);
        Assert.Equal((3, 1, 2), (preview.Rows.Count, preview.Valid, preview.Invalid));
        Assert.Equal([3], preview.Errors.Where(e => e.Field == nameof(HeldPatientInput.InsuranceType)).Select(e => e.RowNumber));
        Assert.Equal(ImportRowMapper.UnknownChoice, preview.Errors.Single(e => e.RowNumber == 3).Message.Key);

        // Row 4's errors are what the entry form says of the same input.
        var form = await Core.Get<HeldPatientService>().CreateAsync(await Core.ScopeOf("desk"), HeldPatientInputs.Spanning("号码错", TestIds.Resident()[..17]));
        Assert.Equal(
            form.Result.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))).OrderBy(e => e.Key),
            preview.Errors.Where(e => e.RowNumber == 4).Select(e => (e.Field, e.Message)).OrderBy(e => e.Field));
        Assert.Equal(0, await HeldPatientCountAsync());
        Assert.Equal(0, await Core.CountAudit(AuditActions.Create));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_the_rows_once_and_the_second_preview_says_they_are_duplicates()
    {
        var desk = await Core.ScopeOf("desk");
        var rows = Enumerable.Range(0, 3).Select(i => ImportWorkbooks.HeldPatient("导入" + i, TestIds.Resident(start: 30 + i))).ToArray();
        using var file = Workbook(rows);

        var first = await Import.CommitAsync(desk, await PreviewAsync(file));
        file.Position = 0;
        var again = await PreviewAsync(file);

        Assert.Equal(new ImportOutcome(3, 0), first);
        Assert.Equal((0, 3, 3), (again.Valid, again.Invalid, again.Duplicates));
        Assert.All(again.Errors, e => Assert.Equal((nameof(HeldPatientInput.IdNumber), HeldPatientIntake.Duplicate), (e.Field, e.Message.Key)));
        Assert.Equal(3, await HeldPatientCountAsync());
        Assert.Equal(3, await Core.CountAudit(AuditActions.Create));
        Assert.Equal(1, await Core.CountAudit(AuditActions.Import));
    }

    [Fact]
    public async Task A_row_repeated_in_the_file_is_refused_as_the_duplicate_of_the_one_above()
    {
        var row = ImportWorkbooks.HeldPatient("重复", TestIds.Resident(start: 40));
        using var file = Workbook(row, row);

        var preview = await PreviewAsync(file);

        Assert.Equal((1, 1), (preview.Valid, preview.Duplicates));
        Assert.Equal(3, preview.Errors.Single().RowNumber);
    }

    [Fact]
    public async Task Cancelling_a_preview_writes_nothing_and_is_audited()
    {
        using var file = Workbook(ImportWorkbooks.HeldPatient("取消", TestIds.Resident(start: 50)));
        var preview = await PreviewAsync(file);

        await Import.CancelAsync(await Core.ScopeOf("desk"), preview);

        Assert.Equal(0, await HeldPatientCountAsync());
        Assert.Equal(1, await Core.CountAudit(AuditActions.ImportCancelled));
    }

    [Fact]
    public async Task Times_are_read_as_text_as_excel_dates_and_as_serial_numbers_spaces_are_trimmed_and_empty_rows_skipped()
    {
        var asText = ImportWorkbooks.HeldPatient("  文本时间  ", TestIds.Resident(start: 60), "2026-11-20 09:30");
        var slashes = ImportWorkbooks.HeldPatient("斜杠日期", TestIds.Resident(start: 61), "2026/11/20");
        var dateCell = ImportWorkbooks.HeldPatient("日期单元格", TestIds.Resident(start: 62), new DateTime(2026, 11, 20, 9, 30, 0));
        var serial = ImportWorkbooks.HeldPatient("序列号", TestIds.Resident(start: 63), new DateTime(2026, 11, 20, 9, 30, 0).ToOADate());
        using var workbook = ImportWorkbooks.Template(ImportKind.HeldPatients);
        var sheet = workbook.DataSheet(ImportKind.HeldPatients);
        sheet.Fill(2, asText);
        sheet.Fill(3, slashes);
        sheet.Fill(5, dateCell);
        sheet.Fill(6, serial);
        sheet.Cell(7, 1).SetValue("   ");
        using var file = workbook.ToStream();

        var preview = await PreviewAsync(file);
        await Import.CommitAsync(await Core.ScopeOf("desk"), preview);

        Assert.Empty(preview.Errors);
        Assert.Equal([2, 3, 5, 6], preview.Rows.Select(r => r.RowNumber));
        await using var db = Core.CreateDb();
        var stored = await db.HeldPatients.OrderBy(p => p.Id).Select(p => new { p.PatientName, p.AdmittedUtc }).ToListAsync();
        Assert.Equal(["文本时间", "斜杠日期", "日期单元格", "序列号"], stored.Select(s => s.PatientName));
        var halfPast = new DateTime(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc);
        Assert.Equal([halfPast, halfPast.AddHours(-9).AddMinutes(-30), halfPast, halfPast], stored.Select(s => s.AdmittedUtc));
    }

    [Fact]
    public async Task A_cell_longer_than_its_field_is_that_rows_error_with_both_numbers()
    {
        var row = ImportWorkbooks.HeldPatient(new string('王', 60), TestIds.Resident(start: 70));
        using var file = Workbook(row);

        var preview = await PreviewAsync(file);

        var error = Assert.Single(preview.Errors);
        Assert.Equal((nameof(HeldPatientInput.PatientName), ValidationErrors.TooLongMessage(50, 60)), (error.Field, error.Message));
    }

    [Fact]
    public async Task A_template_downloaded_in_english_imports_for_a_chinese_user()
    {
        using var workbook = ImportWorkbooks.Template(ImportKind.HeldPatients, Ui.English);
        var row = ImportWorkbooks.HeldPatient("英文模板", TestIds.Resident(start: 80));
        row["HP_Category"] = Ui.In(Ui.English, "HPCategory_InpatientSpanningOutage");
        workbook.DataSheet(ImportKind.HeldPatients, Ui.English).Fill(2, row, Ui.English);
        using var file = workbook.ToStream();

        var preview = await PreviewAsync(file);

        Assert.Null(preview.Refusal);
        Assert.Equal(1, preview.Valid);
    }

    [Fact]
    public async Task Paper_forms_import_through_the_same_path_and_a_number_already_used_is_a_duplicate()
    {
        var desk = await Core.ScopeOf("desk");
        await Core.Get<PaperFormService>().CreateAsync(desk, await Core.TransferAsync("0099"));
        using var workbook = ImportWorkbooks.Template(ImportKind.PaperForms);
        var sheet = workbook.DataSheet(ImportKind.PaperForms);
        foreach (var (row, serial) in new[] { (2, "0100"), (3, "0099") })
        {
            sheet.Fill(row, ImportWorkbooks.PaperForm(serial, "转院患者", TestIds.Resident(start: 400)));
        }

        using var file = workbook.ToStream();
        var preview = await PreviewAsync(file, ImportKind.PaperForms);
        var outcome = await Import.CommitAsync(desk, preview);

        Assert.Equal((1, 1), (preview.Valid, preview.Duplicates));
        Assert.Equal((3, PaperFormService.SerialTaken), (preview.Errors.Single().RowNumber, preview.Errors.Single().Message.Key));
        Assert.Equal(1, outcome.Written);
        await using var db = Core.CreateDb();
        Assert.True(await db.PaperForms.AnyAsync(f => f.SerialNumber == "0100" && f.SignedAndStamped));
    }

    [Fact]
    public async Task A_paper_form_number_repeated_in_the_file_is_refused_as_the_duplicate_of_the_one_above()
    {
        using var workbook = ImportWorkbooks.Template(ImportKind.PaperForms);
        var sheet = workbook.DataSheet(ImportKind.PaperForms);
        sheet.Fill(2, ImportWorkbooks.PaperForm("0200", "第一张", TestIds.Resident(start: 410)));
        sheet.Fill(3, ImportWorkbooks.PaperForm("0200", "第二张", TestIds.Resident(start: 420)));
        using var file = workbook.ToStream();

        var preview = await PreviewAsync(file, ImportKind.PaperForms);

        Assert.Equal((1, 1), (preview.Valid, preview.Duplicates));
        Assert.Equal((3, PaperFormService.SerialTaken), (preview.Errors.Single().RowNumber, preview.Errors.Single().Message.Key));
    }

    [Fact]
    public async Task An_administrator_imports_at_the_facility_chosen_and_a_desk_only_at_its_own()
    {
        var other = await Core.Facility("REH-H02");
        using var file = Workbook(ImportWorkbooks.HeldPatient("管理员导入", TestIds.Resident(start: 95)));
        var admin = await Core.ScopeOf("demo-admin");
        var byAdmin = await Import.PreviewAsync(admin, ImportKind.HeldPatients, other.Id, "a.xlsx", file, ImportWorkbooks.Texts());
        file.Position = 0;
        var byDesk = await Import.PreviewAsync(await Core.ScopeOf("desk"), ImportKind.HeldPatients, other.Id, "a.xlsx", file, ImportWorkbooks.Texts());

        await Import.CommitAsync(admin, byAdmin);

        Assert.Equal(other.Id, byAdmin.FacilityId);
        Assert.Equal((await Core.ScopeOf("desk")).FacilityId, byDesk.FacilityId);
        await using var db = Core.CreateDb();
        Assert.Equal(other.Id, (await db.HeldPatients.SingleAsync()).FacilityId);
    }

    [Fact]
    public async Task A_manager_may_not_import_and_the_attempt_is_audited()
    {
        using var file = Workbook(ImportWorkbooks.HeldPatient("经理", TestIds.Resident(start: 90)));

        var preview = await Import.PreviewAsync(await Core.ScopeOf("manager"), ImportKind.HeldPatients, 0, "x.xlsx", file, ImportWorkbooks.Texts());

        Assert.Equal(RecordImport.NotAllowed, preview.Refusal?.Key);
        Assert.Equal(1, await Core.CountAudit(AuditActions.AuthorizationFailed));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class RecordImportTestsOnPostgres() : RecordImportTests(DatabaseProvider.PostgreSql);
