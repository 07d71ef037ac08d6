using ClosedXML.Excel;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// An exported deadline says what the date cell cannot: that it is only expected, or why it is empty.
/// Read back with ClosedXML, as a clerk's Excel opens the file.
/// </summary>
public sealed class DeadlineNoteExportTests : SeededCoreTests
{
    private async Task LogAndRegisterAsync()
    {
        var desk = await Core.ScopeOf("desk");
        Assert.True((await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "导出标记", IdNumber = TestIds.Resident(start: 880), AdmittedAt = "2026-11-20 09:30",
        })).Succeeded);
        Assert.True((await Core.Get<PaperFormService>().CreateAsync(desk, await Core.TransferAsync("NOTE-0001"))).Succeeded);
    }

    private async Task<XLWorkbook> ExportAsync(ExportText text)
    {
        var stream = new MemoryStream();
        await Core.Get<CatchUpExporter>().ExportAsync(await Core.ScopeOf("desk"), new CatchUpFilter(), text, stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static IXLCell Cell(IXLWorksheet sheet, string header) =>
        sheet.Row(2).Cell(sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber);

    /// <summary>The UI says 2026-12-18 24:00; the file says the same last day, as a date, and marks it 预计.</summary>
    [Fact]
    public async Task A_deadline_from_an_expected_go_live_is_its_last_day_as_a_date_and_marked_as_expected()
    {
        await LogAndRegisterAsync();
        await RehearsalGoLive.EstimateAsync(Core.Services);

        using var workbook = await ExportAsync(ExportTexts.Chinese());

        foreach (var sheet in new[] { workbook.Worksheet("在途患者"), workbook.Worksheet("纸质单据") })
        {
            var lastDay = Cell(sheet, "截止日（含当天）");
            Assert.Equal(XLDataType.DateTime, lastDay.DataType);
            Assert.Equal(new DateTime(2026, 12, 18), lastDay.GetDateTime());
            Assert.Equal("yyyy-mm-dd", lastDay.Style.NumberFormat.Format);
            Assert.Equal("预计", Cell(sheet, "截止日预计").GetString());
            Assert.StartsWith("预计：按预计上线时间推算", Cell(sheet, "截止说明").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_firm_deadline_has_no_note()
    {
        await LogAndRegisterAsync();

        using var workbook = await ExportAsync(ExportTexts.Chinese());

        Assert.Equal(XLDataType.DateTime, Cell(workbook.Worksheet("在途患者"), "截止日（含当天）").DataType);
        Assert.True(Cell(workbook.Worksheet("在途患者"), "截止说明").IsEmpty());
        Assert.True(Cell(workbook.Worksheet("在途患者"), "截止日预计").IsEmpty());
    }

    [Theory]
    [InlineData("zh-CN", "在途患者", "纸质单据", "截止日（含当天）", "截止说明", "无法计算：缺少 2028 年节假日安排")]
    [InlineData("en", "Held patients", "Paper forms", "Deadline (last day, inclusive)", "Deadline note", "Cannot compute: the 2028 holiday calendar is missing")]
    public async Task A_missing_holiday_year_is_named_beside_the_empty_deadline(string culture, string held, string forms, string deadline, string note, string message)
    {
        await LogAndRegisterAsync();
        await RehearsalGoLive.IntoMissingYearAsync(Core.Services);

        using var workbook = await ExportAsync(culture == "en" ? ExportTexts.English() : ExportTexts.Chinese());

        foreach (var sheet in new[] { workbook.Worksheet(held), workbook.Worksheet(forms) })
        {
            Assert.True(Cell(sheet, deadline).IsEmpty());
            Assert.Equal(message, Cell(sheet, note).GetString());
        }
    }
}
