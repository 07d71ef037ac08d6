using ClosedXML.Excel;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Time;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// A list longer than a sheet may hold continues on "name (2)", "name (3)"…, each sheet with its own
/// header, frozen and filtered, and no row lost or repeated. The limit is made small here instead of
/// writing a million rows.
/// </summary>
public sealed class SheetContinuationTests
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Default;
    private static readonly ExportText Chinese = ExportTexts.Chinese();

    private static List<CatchUpSummaryRow> Rows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new CatchUpSummaryRow($"机构{i:000}", "跨停机在院", i, 0, null))];

    private static XLWorkbook Write(int rowCount, int rowsPerSheet)
    {
        var rows = Rows(rowCount);
        var sheets = CatchUpWorkbookWriter.Split("汇总", ExportColumns.Summary, rows, rows.Count, Chinese, Shanghai, rowsPerSheet: rowsPerSheet).ToList();
        var stream = new MemoryStream();
        CatchUpWorkbookWriter.Write(stream, sheets);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static List<string> Facilities(IXLWorksheet sheet) => [.. sheet.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString())];

    [Fact]
    public void Rows_past_the_limit_continue_on_numbered_sheets_in_order()
    {
        using var workbook = Write(rowCount: 5, rowsPerSheet: 2);

        Assert.Equal(["汇总", "汇总 (2)", "汇总 (3)"], workbook.Worksheets.Select(s => s.Name));
        Assert.Equal(["机构001", "机构002"], Facilities(workbook.Worksheet("汇总")));
        Assert.Equal(["机构003", "机构004"], Facilities(workbook.Worksheet("汇总 (2)")));
        Assert.Equal(["机构005"], Facilities(workbook.Worksheet("汇总 (3)")));
        Assert.All(workbook.Worksheets, sheet =>
        {
            Assert.Equal("机构", sheet.Cell(1, 1).GetString());
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled);
        });
    }

    [Theory]
    [InlineData(4, 2, 2)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 2, 2)]
    [InlineData(1, 2, 1)]
    public void A_list_that_exactly_fills_its_sheets_gets_no_empty_extra_sheet(int rowCount, int rowsPerSheet, int sheets)
    {
        using var workbook = Write(rowCount, rowsPerSheet);

        Assert.Equal(sheets, workbook.Worksheets.Count);
        Assert.Equal(rowCount, workbook.Worksheets.Sum(s => s.RowsUsed().Count() - 1));
    }

    [Fact]
    public void An_empty_list_is_one_sheet_and_no_continuation()
    {
        using var workbook = Write(rowCount: 0, rowsPerSheet: 2);

        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("汇总", sheet.Name);
        Assert.Empty(sheet.RowsUsed().Skip(1));
    }

    [Fact]
    public void The_production_limit_leaves_room_for_the_header_within_excels_1048576_rows()
    {
        Assert.Equal(1_000_000, CatchUpWorkbookWriter.MaxRowsPerSheet);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CatchUpWorkbookWriter.Split("汇总", ExportColumns.Summary, Rows(1), 1, Chinese, Shanghai, rowsPerSheet: 1_048_576).ToList());
    }
}
