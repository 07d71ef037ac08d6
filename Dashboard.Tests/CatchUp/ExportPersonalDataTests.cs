using System.Text.Json;
using ClosedXML.Excel;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// Exported ID numbers and phones follow the role's reveal right (docs/adr/0007): masked as the page
/// shows them for a manager, full for a manager only with a stated purpose, full for the other roles;
/// the audit keeps the purpose and the ids of the records exported. Read back with ClosedXML.
/// </summary>
public sealed class ExportPersonalDataTests : SeededCoreTests
{
    private const string Phone = "13900001111";

    private readonly string _id = TestIds.Resident(endingInX: true, start: 930);
    private readonly string _formId = TestIds.Resident(start: 940);

    private async Task<(int Held, int Form)> LogAsync()
    {
        var desk = await Core.ScopeOf("desk");
        var held = await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "脱敏测试", IdNumber = _id, AdmittedAt = "2026-11-20 09:30", Phone = Phone,
        });
        var form = await Core.Get<PaperFormService>().CreateAsync(desk, new PaperFormInput
        {
            FacilityId = desk.FacilityId!.Value, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity, SerialNumber = "0931",
            PatientName = "单据脱敏", IdNumber = _formId, Destination = "省立医院", IssuedAt = "2026-11-21 10:00", IssuedBy = "张医生",
        });
        Assert.True(held.Succeeded && form.Succeeded);
        return (held.Value, form.Value);
    }

    private async Task<(CommandResult<ExportOutcome> Result, MemoryStream File)> ExportAsync(AccessScope scope, PersonalDataChoice choice)
    {
        var stream = new MemoryStream();
        var result = await Core.Get<CatchUpExporter>().ExportAsync(scope, new CatchUpFilter(), choice, ExportTexts.Chinese(), stream);
        stream.Position = 0;
        return (result, stream);
    }

    private static string Cell(XLWorkbook workbook, string sheet, string header)
    {
        var rows = workbook.Worksheet(sheet);
        return rows.Row(2).Cell(rows.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber).GetString();
    }

    private async Task<JsonElement> LastAuditAsync(string action)
    {
        await using var db = Core.CreateDb();
        var audit = await db.AuditEvents.Where(a => a.Action == action).OrderByDescending(a => a.Id).FirstAsync();
        return JsonDocument.Parse(audit.AfterJson!).RootElement.Clone();
    }

    private static int[] Ids(JsonElement details, string name) => [.. details.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public async Task A_manager_exports_ids_and_phones_masked_exactly_as_the_page_shows_them()
    {
        var (held, form) = await LogAsync();
        var manager = await Core.ScopeOf("manager");
        var shown = await Core.Get<HeldPatientQueries>().GetAsync(manager, held);
        var shownForm = Assert.Single(await Core.Get<CatchUpQueries>().PreviewFormsAsync(manager, new CatchUpFilter(), 0, 10));

        var (result, file) = await ExportAsync(manager, PersonalDataChoice.RoleDefault);

        Assert.True(result.Succeeded);
        using var workbook = new XLWorkbook(file);
        Assert.Equal(shown!.MaskedIdNumber, Cell(workbook, "在途患者", "证件号码"));
        Assert.Equal(shown.MaskedPhone, Cell(workbook, "在途患者", "联系电话"));
        Assert.Equal(shownForm.MaskedIdNumber, Cell(workbook, "纸质单据", "证件号码"));
        Assert.DoesNotContain(_id, Cell(workbook, "在途患者", "证件号码"), StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, Cell(workbook, "在途患者", "联系电话"), StringComparison.Ordinal);
        var audit = await LastAuditAsync(AuditActions.Export);
        Assert.Equal("Masked", audit.GetProperty("PersonalData").GetString());
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("Purpose").ValueKind);
        Assert.Equal([held], Ids(audit, "HeldPatientIds"));
        Assert.Equal([form], Ids(audit, "PaperFormIds"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("补录")]
    public async Task A_manager_asking_for_full_values_without_a_purpose_is_refused_before_anything_is_written(string? purpose)
    {
        await LogAsync();
        var manager = await Core.ScopeOf("manager");

        var (result, file) = await ExportAsync(manager, new PersonalDataChoice(FullValues: true, purpose));

        Assert.Equal(CommandStatus.Invalid, result.Result.Status);
        Assert.Equal(PersonalDataChoice.PurposeRequired, Assert.Single(result.Result.Errors[PersonalDataChoice.PurposeField]).Key);
        Assert.Equal(0, file.Length);
        Assert.Equal(0, await Core.CountAudit(AuditActions.Export));
        Assert.Equal("Full", (await LastAuditAsync(AuditActions.Refused)).GetProperty("PersonalData").GetString());
    }

    [Fact]
    public async Task A_purpose_over_200_characters_is_refused_with_both_numbers()
    {
        var manager = await Core.ScopeOf("manager");

        var result = await Core.Get<CatchUpExporter>().CheckAsync(manager, new PersonalDataChoice(FullValues: true, new string('补', 201)));

        var message = Assert.Single(result.Errors[PersonalDataChoice.PurposeField]);
        Assert.Equal("Validation_TooLong", message.Key);
        Assert.Equal(["200", "201"], message.Args);
    }

    [Fact]
    public async Task A_manager_gets_full_values_for_re_entry_with_a_purpose_that_the_audit_keeps_with_the_record_ids()
    {
        var (held, form) = await LogAsync();
        var manager = await Core.ScopeOf("manager");

        var (result, file) = await ExportAsync(manager, new PersonalDataChoice(FullValues: true, "  国家平台补录结算  "));

        Assert.True(result.Succeeded);
        using var workbook = new XLWorkbook(file);
        Assert.Equal(_id, Cell(workbook, "在途患者", "证件号码"));
        Assert.Equal(Phone, Cell(workbook, "在途患者", "联系电话"));
        Assert.Equal(_formId, Cell(workbook, "纸质单据", "证件号码"));
        var audit = await LastAuditAsync(AuditActions.Export);
        Assert.Equal("Full", audit.GetProperty("PersonalData").GetString());
        Assert.Equal("国家平台补录结算", audit.GetProperty("Purpose").GetString());
        Assert.Equal([held], Ids(audit, "HeldPatientIds"));
        Assert.Equal([form], Ids(audit, "PaperFormIds"));
    }

    [Theory]
    [InlineData("desk")]
    [InlineData("supervisor")]
    public async Task Roles_with_the_reveal_right_export_full_values_and_the_audit_lists_the_record_ids(string userName)
    {
        var (held, form) = await LogAsync();

        var (result, file) = await ExportAsync(await Core.ScopeOf(userName), PersonalDataChoice.RoleDefault);

        Assert.True(result.Succeeded);
        using var workbook = new XLWorkbook(file);
        Assert.Equal(_id, Cell(workbook, "在途患者", "证件号码"));
        Assert.Equal(Phone, Cell(workbook, "在途患者", "联系电话"));
        var audit = await LastAuditAsync(AuditActions.Export);
        Assert.Equal("Full", audit.GetProperty("PersonalData").GetString());
        Assert.Equal([held], Ids(audit, "HeldPatientIds"));
        Assert.Equal([form], Ids(audit, "PaperFormIds"));
    }

    [Fact]
    public void Every_id_number_and_phone_column_has_a_masked_value()
    {
        string[] personal = ["idNumber", "phone"];
        Assert.All(ExportColumns.HeldPatients.Where(c => personal.Contains(c.Key)), c => Assert.NotNull(c.MaskedValue));
        Assert.All(ExportColumns.PaperForms.Where(c => personal.Contains(c.Key)), c => Assert.NotNull(c.MaskedValue));
        Assert.Equal(2, ExportColumns.HeldPatients.Count(c => c.MaskedValue is not null));
        Assert.Single(ExportColumns.PaperForms, c => c.MaskedValue is not null);
    }
}
