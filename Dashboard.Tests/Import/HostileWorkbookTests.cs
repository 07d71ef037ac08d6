using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Dashboard.Core.Audit;
using Dashboard.Core.Import;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Import;

/// <summary>
/// Files that are not the template filled in by hand are refused whole, with a message that says what
/// is wrong and where; nothing is written, and the refusal is audited.
/// </summary>
public sealed class HostileWorkbookTests : SeededCoreTests
{
    private static MemoryStream Filled(Action<XLWorkbook, IXLWorksheet> spoil, ImportKind kind = ImportKind.HeldPatients, int rows = 1)
    {
        using var workbook = ImportWorkbooks.Template(kind);
        var sheet = workbook.DataSheet(kind);
        for (var i = 0; i < rows; i++)
        {
            sheet.Fill(i + 2, ImportWorkbooks.HeldPatient("患者" + i, TestIds.Resident(start: i)));
        }

        spoil(workbook, sheet);
        return workbook.ToStream();
    }

    private async Task<Dashboard.Core.Validation.Message?> RefusalOfAsync(Stream file)
    {
        var preview = await Core.Get<RecordImport>().PreviewAsync(await Core.ScopeOf("desk"), ImportKind.HeldPatients, 0, "hostile.xlsx", file, ImportWorkbooks.Texts());
        Assert.Empty(preview.Rows);
        await using var db = Core.CreateDb();
        Assert.Equal(0, await db.HeldPatients.CountAsync());
        Assert.Equal(1, await Core.CountAudit(AuditActions.ImportRefused));
        return preview.Refusal;
    }

    public static TheoryData<string, string, string[]> Spoiled => new()
    {
        { "formula", ImportWorkbookReader.Formula, ["D2"] },
        { "merged", ImportWorkbookReader.Merged, ["F2:G2"] },
        { "runaway cell", ImportWorkbookReader.RunawayCell, ["M2", "32000"] },
        { "renamed sheet", ImportWorkbookReader.NoSheet, [Ui.Text("Import_SheetHeldPatients")] },
        { "missing column", ImportWorkbookReader.MissingColumns, [Ui.Text("HP_Phone")] },
        { "unknown column", ImportWorkbookReader.UnknownColumns, ["病区"] },
        { "no rows", ImportWorkbookReader.NoRows, [] },
    };

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task A_spoiled_template_is_refused_naming_what_and_where(string how, string key, string[] args)
    {
        using var file = Filled((workbook, sheet) =>
        {
            switch (how)
            {
                case "formula":
                    sheet.Cell("D2").FormulaA1 = "=\"3401\"&\"04\"";
                    break;
                case "merged":
                    sheet.Range("F2:G2").Merge();
                    break;
                case "runaway cell":
                    sheet.Cell("M2").SetValue(new string('x', 32_001));
                    break;
                case "renamed sheet":
                    sheet.Name = "Sheet1";
                    workbook.Worksheet(ImportWorkbookReader.ListsSheet).Delete();
                    break;
                case "missing column":
                    sheet.Column(ImportWorkbooks.Column(sheet, Ui.Text("HP_Phone"))).Delete();
                    break;
                case "unknown column":
                    sheet.Cell(1, 20).SetValue("病区");
                    break;
                case "no rows":
                    sheet.Rows(2, 3).Clear();
                    break;
            }
        });

        Assert.Equal(new Dashboard.Core.Validation.Message(key, args), await RefusalOfAsync(file));
    }

    [Fact]
    public async Task The_paper_form_template_is_refused_as_another_template()
    {
        using var workbook = ImportWorkbooks.Template(ImportKind.PaperForms);
        using var file = workbook.ToStream();

        Assert.Equal(
            new Dashboard.Core.Validation.Message(ImportWorkbookReader.OtherTemplate, Ui.Text("Import_SheetPaperForms"), Ui.Text("Import_SheetHeldPatients")),
            await RefusalOfAsync(file));
    }

    [Fact]
    public async Task More_rows_than_one_batch_takes_are_refused_with_the_count()
    {
        using var file = Filled((_, sheet) =>
        {
            for (var row = 3; row <= ImportWorkbookReader.MaxRows + 2; row++)
            {
                sheet.Cell(row, 2).SetValue("患者" + row);
            }
        });

        Assert.Equal(new Dashboard.Core.Validation.Message(ImportWorkbookReader.TooManyRows, "10000", "10001"), await RefusalOfAsync(file));
    }

    [Fact]
    public async Task A_text_file_renamed_xlsx_is_not_a_workbook()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("姓名,身份证号\n王芳,340104199003071234\n"));

        Assert.Equal(WorkbookPackage.NotWorkbook, (await RefusalOfAsync(file))?.Key);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_refused()
    {
        using var file = Zip(("readme.txt", 10));

        Assert.Equal(WorkbookPackage.NotWorkbook, (await RefusalOfAsync(file))?.Key);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_the_spreadsheet_library_opens_it()
    {
        using var file = Zip(("[Content_Types].xml", 10), ("xl/workbook.xml", 10), ("xl/worksheets/sheet1.xml", (int)WorkbookPackage.MaxUnpackedBytes + 1));

        Assert.True(file.Length < WorkbookPackage.MaxFileBytes);
        Assert.Equal(WorkbookPackage.UnpacksTooLarge, (await RefusalOfAsync(file))?.Key);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        using var file = new MemoryStream(new byte[WorkbookPackage.MaxFileBytes + 1]);

        Assert.Equal(WorkbookPackage.TooLargeMessage, await RefusalOfAsync(file));
    }

    /// <summary>A zip whose entries are that many zero bytes (which compress to almost nothing).</summary>
    private static MemoryStream Zip(params (string Name, int Bytes)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var left = bytes; left > 0; left -= zeros.Length)
                {
                    entry.Write(zeros, 0, Math.Min(left, zeros.Length));
                }
            }
        }

        stream.Position = 0;
        return stream;
    }
}
