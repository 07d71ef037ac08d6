using Dashboard.Core.Persistence;
using ClosedXML.Excel;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

/// <summary>Exports read back with ClosedXML, as a clerk's Excel would open them.</summary>
public class CatchUpExportTests : SeededCoreTests
{
    public CatchUpExportTests()
    {
    }

    protected CatchUpExportTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private static readonly ExportText Chinese = ExportTexts.Chinese();

    private async Task<AccessScope> DeskAsync() => await Core.ScopeOf("desk");

    private async Task<int> LogAsync(AccessScope desk, string name, string id, string? invoices = null, string? notes = null)
    {
        var result = await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = name, IdNumber = id, AdmittedAt = "2026-11-20 09:30",
            InvoiceNumbers = invoices, Notes = notes, Phone = "13900001111",
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private async Task<XLWorkbook> ExportAsync(AccessScope scope, CatchUpFilter filter)
    {
        var stream = new MemoryStream();
        await Core.Get<CatchUpExporter>().ExportAsync(scope, filter, Chinese, stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static IXLCell Cell(IXLWorksheet sheet, int row, string header) =>
        sheet.Row(row).Cell(sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber);

    [Fact]
    public async Task Ids_ending_in_x_and_numbers_with_leading_zeros_come_back_as_the_same_text()
    {
        var desk = await DeskAsync();
        var id = TestIds.Resident(endingInX: true, start: 800);
        await LogAsync(desk, "文本测试", id.ToLowerInvariant(), invoices: "0012345");

        using var workbook = await ExportAsync(desk, new CatchUpFilter());

        var sheet = workbook.Worksheet("在途患者");
        Assert.Equal(XLDataType.Text, Cell(sheet, 2, "证件号码").DataType);
        Assert.Equal(id, Cell(sheet, 2, "证件号码").GetString());
        Assert.Equal("0012345", Cell(sheet, 2, "发票号").GetString());
        Assert.Equal(XLDataType.Text, Cell(sheet, 2, "联系电话").DataType);
    }

    [Fact]
    public async Task Times_are_real_excel_dates_in_local_time()
    {
        var desk = await DeskAsync();
        await LogAsync(desk, "日期测试", TestIds.Resident(start: 810));

        using var workbook = await ExportAsync(desk, new CatchUpFilter());

        var admitted = Cell(workbook.Worksheet("在途患者"), 2, "入院时间");
        Assert.Equal(XLDataType.DateTime, admitted.DataType);
        Assert.Equal(new DateTime(2026, 11, 20, 9, 30, 0), admitted.GetDateTime());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public async Task Free_text_that_looks_like_a_formula_is_quote_prefixed_text_as_typed(string notes)
    {
        var desk = await DeskAsync();
        await LogAsync(desk, "注入测试", TestIds.Resident(start: 820), notes: notes);

        using var workbook = await ExportAsync(desk, new CatchUpFilter());

        var cell = Cell(workbook.Worksheet("在途患者"), 2, "备注");
        Assert.False(cell.HasFormula);
        Assert.Equal(notes, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task Summary_counts_equal_the_database_counts_for_the_filter()
    {
        var desk = await DeskAsync();
        for (var i = 0; i < 3; i++)
        {
            await LogAsync(desk, "汇总" + i, TestIds.Resident(start: 830 + (i * 3)));
        }

        var counts = await Core.Get<CatchUpQueries>().CountAsync(desk, new CatchUpFilter());
        using var workbook = await ExportAsync(desk, new CatchUpFilter());

        var summary = workbook.Worksheet("汇总");
        var outstanding = summary.RowsUsed().Skip(1).Sum(r => (int)Cell(summary, r.RowNumber(), "待补录").GetDouble());
        Assert.Equal(counts.HeldPatients + counts.PaperForms, outstanding);
        Assert.Equal(3, counts.HeldPatients);
        Assert.Equal(counts.HeldPatients, workbook.Worksheet("在途患者").RowsUsed().Count() - 1);
        Assert.Equal(1, workbook.Worksheet("在途患者").SheetView.SplitRow);
        Assert.True(workbook.Worksheet("在途患者").AutoFilter.IsEnabled);
    }

    [Fact]
    public async Task A_desks_export_contains_only_its_facility_and_is_audited()
    {
        var desk = await DeskAsync();
        await LogAsync(desk, "本院患者", TestIds.Resident(start: 850));
        var other = desk with { UserId = "other", UserName = "other", FacilityId = (await Core.Facility("REH-H02")).Id };
        await LogAsync(other, "外院患者", TestIds.Resident(start: 860));

        using var workbook = await ExportAsync(desk, new CatchUpFilter());
        using var everything = await ExportAsync(await Core.ScopeOf("supervisor"), new CatchUpFilter());

        var names = workbook.Worksheet("在途患者").RowsUsed().Skip(1).Select(r => Cell(workbook.Worksheet("在途患者"), r.RowNumber(), "姓名").GetString()).ToList();
        Assert.Equal(["本院患者"], names);
        Assert.Equal(2, everything.Worksheet("在途患者").RowsUsed().Count() - 1);
        Assert.Equal(2, await Core.CountAudit(AuditActions.Export));
    }

    [Fact]
    public async Task Paper_forms_go_on_their_own_sheet_with_the_serial_as_text()
    {
        var desk = await DeskAsync();
        var created = await Core.Get<PaperFormService>().CreateAsync(desk, new PaperFormInput
        {
            FacilityId = desk.FacilityId!.Value, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity, SerialNumber = "0007",
            PatientName = "单据患者", IdNumber = TestIds.Resident(start: 870), Destination = "省立医院", IssuedAt = "2026-11-21 10:00", IssuedBy = "张医生",
        });
        Assert.True(created.Succeeded);

        using var workbook = await ExportAsync(desk, new CatchUpFilter());

        var forms = workbook.Worksheet("纸质单据");
        Assert.Equal("0007", Cell(forms, 2, "单据编号").GetString());
        Assert.Equal(XLDataType.Text, Cell(forms, 2, "单据编号").DataType);
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class CatchUpExportTestsOnPostgres() : CatchUpExportTests(DatabaseProvider.PostgreSql);
