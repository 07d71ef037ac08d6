using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClosedXML.Excel;
using Dashboard.Core.Access;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Records;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// The export as the re-entry clerk reads it (issue 16): what LibreOffice, WPS and Excel show must be
/// what was typed. Read back with ClosedXML, and the sheet's raw XML where ClosedXML would hide a fault.
/// </summary>
public sealed class ReentryExportTests : SeededCoreTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private async Task<int> LogAsync(string name, int idStart, string? notes = null, string? amount = null)
    {
        var result = await Core.Get<HeldPatientService>().CreateAsync(await Core.ScopeOf("desk"), new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = name, IdNumber = TestIds.Resident(start: idStart),
            AdmittedAt = "2026-11-20 09:30", Notes = notes, Amount = amount,
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private async Task<(byte[] File, ExportOutcome Outcome)> ExportAsync(AccessScope? scope = null, CatchUpFilter? filter = null)
    {
        using var stream = new MemoryStream();
        var outcome = await Core.Get<CatchUpExporter>().ExportAsync(scope ?? await Core.ScopeOf("desk"), filter ?? new CatchUpFilter(), ExportTexts.Chinese(), stream);
        return (stream.ToArray(), outcome);
    }

    private static XLWorkbook Open(byte[] file) => new(new MemoryStream(file));

    private static IXLCell Cell(IXLWorksheet sheet, int row, string header) =>
        sheet.Row(row).Cell(sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber);

    /// <summary>The package's part as text, exactly as stored.</summary>
    private static string Part(byte[] file, string path)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The held-patient sheet's part (the second sheet, after the summary).</summary>
    private static string HeldSheetXml(byte[] file) => Part(file, "xl/worksheets/sheet2.xml");

    [Fact]
    public async Task Characters_outside_the_basic_plane_are_written_as_themselves()
    {
        const string notes = "已电话通知😀，姓名用字𠮷";
        await LogAsync("表情测试", 900, notes: notes);

        var (file, _) = await ExportAsync();

        using var workbook = Open(file);
        Assert.Equal(notes, Cell(workbook.Worksheet("在途患者"), 2, "备注").GetString());
        Assert.True(Cell(workbook.Worksheet("在途患者"), 2, "备注").Style.IncludeQuotePrefix);
        var xml = HeldSheetXml(file);
        Assert.Contains(notes, xml, StringComparison.Ordinal);
        Assert.DoesNotContain("_xD83D_", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("_xD842_", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_pairs_split_across_buffer_reads_are_joined()
    {
        var text = new string('a', (1 << 16) - 5) + "_xD83D__xDE00_ <v>_x005F_xD83D_</v>";
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var output = new MemoryStream();

        WorkbookFinisher.JoinSurrogateEscapes(input, output);

        Assert.Equal(new string('a', (1 << 16) - 5) + "😀 <v>_x005F_xD83D_</v>", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Formula_like_text_is_quote_prefixed_text_without_an_apostrophe_in_the_value()
    {
        const string notes = "=HYPERLINK(\"http://x\")";
        await LogAsync("前缀测试", 906, notes: notes);

        var (file, _) = await ExportAsync();

        using var workbook = Open(file);
        var cell = Cell(workbook.Worksheet("在途患者"), 2, "备注");
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(notes, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);

        // The raw XML: the value as typed, in a cell whose style carries quotePrefix="1".
        var sheet = XDocument.Parse(HeldSheetXml(file));
        var stored = sheet.Descendants(Main + "c").Single(c => (string?)c.Element(Main + "v") == notes);
        Assert.Null(stored.Element(Main + "f"));
        var styles = XDocument.Parse(Part(file, "xl/styles.xml"));
        var xf = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ElementAt((int)stored.Attribute("s")!);
        Assert.Equal("1", (string?)xf.Attribute("quotePrefix"));
        Assert.DoesNotContain("'=HYPERLINK", HeldSheetXml(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clerks_columns_new_platform_number_time_logged_overdue_and_amount_with_two_decimals()
    {
        var reRegistered = await LogAsync("补登记", 909, amount: "1234.5");
        var version = (await Core.CreateDb().HeldPatients.FindAsync(reRegistered))!.Version;
        Assert.True((await Core.Get<HeldPatientService>().ChangeStatusAsync(await Core.ScopeOf("desk"), reRegistered, version,
            new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, "NP-2026-0001"))).Succeeded);

        Assert.True((await Core.Get<Dashboard.Core.PaperForms.PaperFormService>().CreateAsync(await Core.ScopeOf("desk"), await Core.TransferAsync("COL-0001"))).Succeeded);

        var (before, _) = await ExportAsync();
        var deadline = (await Core.CreateDb().HeldPatients.FindAsync(reRegistered))!.DeadlineUtc;
        Assert.NotNull(deadline);
        Core.Clock.SetUtcNow(new DateTimeOffset(deadline.Value, TimeSpan.Zero).AddMinutes(1));
        var (after, _) = await ExportAsync();

        using var workbook = Open(before);
        var sheet = workbook.Worksheet("在途患者");
        Assert.Equal("NP-2026-0001", Cell(sheet, 2, "新平台登记 / 结算号").GetString());
        var logged = Cell(sheet, 2, "登记时间");
        Assert.Equal(XLDataType.DateTime, logged.DataType);
        Assert.Equal(new DateTime(2026, 11, 22, 12, 0, 0), logged.GetDateTime());
        Assert.Equal("否", Cell(sheet, 2, "已逾期").GetString());
        var amount = Cell(sheet, 2, "垫付金额（元）");
        Assert.Equal(XLDataType.Number, amount.DataType);
        Assert.Equal(1234.5, amount.GetDouble());
        Assert.Equal("0.00", amount.Style.NumberFormat.Format);
        using var overdue = Open(after);
        Assert.Equal("是", Cell(overdue.Worksheet("在途患者"), 2, "已逾期").GetString());
        Assert.Contains("新平台备案 / 受理号", string.Join("|", overdue.Worksheet("纸质单据").Row(1).CellsUsed().Select(c => c.GetString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_name_names_the_scope_and_filter_and_two_exports_in_one_second_differ()
    {
        await using var db = Core.CreateDb();
        var regions = db.Regions.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToHashSet();
        Assert.True(db.Regions.Count() > 2);
        var manager = await Core.ScopeOf("manager") with { RegionIds = regions };
        var filter = new CatchUpFilter(Category: HeldPatientCategory.InpatientSpanningOutage, OverdueOnly: true);

        var (_, first) = await ExportAsync(manager, filter);
        var (_, second) = await ExportAsync(manager, filter);

        Assert.Matches(new Regex(@"^补录清单_2个统筹区_跨停机在院_已逾期_20261122-120000_[0-9a-f]{6}\.xlsx$"), first.FileName);
        Assert.NotEqual(first.FileName, second.FileName);
        Assert.Equal(-1, first.FileName.IndexOfAny(['\\', '/', ':', '*', '?', '"', '<', '>', '|']));
    }

    [Fact]
    public async Task A_region_name_with_characters_windows_refuses_still_gives_a_valid_file_name()
    {
        int regionId;
        await using (var db = Core.CreateDb())
        {
            var region = db.Regions.OrderBy(r => r.Id).First();
            region.NameZh = "合肥:东/区?";
            await db.SaveChangesAsync();
            regionId = region.Id;
        }

        var (_, outcome) = await ExportAsync(await Core.ScopeOf("supervisor"), new CatchUpFilter(RegionId: regionId));

        Assert.StartsWith("补录清单_合肥-东-区-_全部_20261122-120000_", outcome.FileName, StringComparison.Ordinal);
    }
}
