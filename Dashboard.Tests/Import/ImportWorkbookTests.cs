using ClosedXML.Excel;
using Dashboard.Components.Pages.Import;
using Dashboard.Core.Import;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Import;

/// <summary>The workbooks the import page hands out, read back with ClosedXML as Excel would open them.</summary>
public sealed class ImportWorkbookTests : SeededCoreTests
{
    public static TheoryData<ImportKind, string> Templates => new()
    {
        { ImportKind.HeldPatients, Ui.Chinese },
        { ImportKind.HeldPatients, Ui.English },
        { ImportKind.PaperForms, Ui.Chinese },
        { ImportKind.PaperForms, Ui.English },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_template_has_instructions_the_forms_labels_as_headers_and_a_drop_down_list_for_every_list_field(ImportKind kind, string culture)
    {
        using var workbook = ImportWorkbooks.Template(kind, culture);

        Assert.Equal(Ui.In(culture, "Import_SheetHelp"), workbook.Worksheet(1).Name);
        Assert.Equal(Ui.In(culture, "Import_Help1"), workbook.Worksheet(1).Cell(3, 1).GetString());
        var data = workbook.DataSheet(kind, culture);
        var columns = ImportColumns.Of(kind);
        Assert.Equal(columns.Select(c => Ui.In(culture, c.LabelKey)), data.Row(1).CellsUsed().Select(c => c.GetString()));
        foreach (var (column, number) in columns.Select((c, i) => (c, i + 1)).Where(c => c.c.Choices.Count > 0))
        {
            var validation = Assert.Single(data.DataValidations, v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnNumber == number));
            Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
            var list = workbook.Range(validation.Value.TrimStart('=')).Cells().Select(c => c.GetString());
            Assert.Equal(column.Choices.Select(c => Ui.In(culture, c.LabelKey)), list);
        }

        Assert.Equal(XLWorksheetVisibility.Hidden, workbook.Worksheet(ImportWorkbookReader.ListsSheet).Visibility);

        // An ID number typed into any row of the template stays text (18 digits would otherwise become 3.40102E+17).
        var idColumn = columns.Select((c, i) => (c, i + 1)).Single(c => c.c.LabelKey == "HP_IdNumber").Item2;
        Assert.Equal("@", data.Cell(ImportWorkbookReader.MaxRows, idColumn).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task The_refused_rows_come_back_with_an_error_column_as_text_and_import_once_fixed()
    {
        using var culture = new UiCulture(Ui.Chinese);
        var badId = TestIds.Resident(start: 5)[..17];
        using var template = ImportWorkbooks.Template(ImportKind.HeldPatients);
        template.DataSheet(ImportKind.HeldPatients).Fill(2, ImportWorkbooks.HeldPatient("好行", TestIds.Resident(start: 4)));
        template.DataSheet(ImportKind.HeldPatients).Fill(3, ImportWorkbooks.HeldPatient("错行", badId));
        using var upload = template.ToStream();
        var import = Core.Get<RecordImport>();
        var desk = await Core.ScopeOf("desk");
        var preview = await import.PreviewAsync(desk, ImportKind.HeldPatients, 0, "a.xlsx", upload, ImportWorkbooks.Texts());

        using var errors = new MemoryStream();
        ImportWorkbookWriter.Write(errors, ImportKind.HeldPatients, ImportWorkbooks.Texts(), ImportWorkbookFiles.Refused(preview, TestLocalizer.Create()));
        errors.Position = 0;
        using var workbook = new XLWorkbook(errors);

        var sheet = workbook.DataSheet(ImportKind.HeldPatients);
        var errorColumn = ImportWorkbooks.Column(sheet, Ui.Text("Import_ErrorColumn"));
        Assert.Equal(ImportColumns.HeldPatients.Count + 1, errorColumn);
        Assert.Equal(2, sheet.LastRowUsed().RowNumber());
        var idCell = sheet.Cell(2, ImportWorkbooks.Column(sheet, Ui.Text("HP_IdNumber")));
        Assert.Equal((XLDataType.Text, badId), (idCell.DataType, idCell.GetString()));
        Assert.StartsWith(Ui.Text("HP_IdNumber") + "：", sheet.Cell(2, errorColumn).GetString(), StringComparison.Ordinal);

        idCell.SetValue(TestIds.Resident(start: 6));
        idCell.DataType = XLDataType.Text;
        using var fixedFile = workbook.ToStream();
        var again = await import.PreviewAsync(desk, ImportKind.HeldPatients, 0, "b.xlsx", fixedFile, ImportWorkbooks.Texts());
        Assert.Equal((1, 0), (again.Valid, again.Invalid));
    }
}
