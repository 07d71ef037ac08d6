using ClosedXML.Excel;

namespace Dashboard.Core.Import;

/// <summary>
/// Writes an import template: an instructions sheet, the data sheet (the form's labels as headers,
/// text columns formatted as text so ID numbers stay text, drop-down lists for every list field) and
/// a hidden sheet with the lists, whose first cell names the template. The rows an import refused go
/// back in the same workbook with an error column, so the clerk fixes them and imports that file.
/// </summary>
public static class ImportWorkbookWriter
{
    private const int HelpLines = 6;

    public static void Write(Stream output, ImportKind kind, ImportTexts texts, IReadOnlyList<(ImportRow Row, string Errors)>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(texts);
        var columns = ImportColumns.Of(kind);
        using var workbook = new XLWorkbook();
        WriteHelp(workbook.AddWorksheet(texts.Text("Import_SheetHelp")), kind, texts);
        var data = workbook.AddWorksheet(texts.Text(ImportColumns.SheetKey(kind)));
        var lists = workbook.AddWorksheet(ImportWorkbookReader.ListsSheet);
        lists.Cell(1, 1).SetValue(ImportWorkbookReader.TemplateMark(kind));
        lists.Visibility = XLWorksheetVisibility.Hidden;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var header = data.Cell(1, c + 1);
            header.SetValue(texts.Text(column.LabelKey));
            data.Column(c + 1).Width = column.Width;
            // The whole column's style (one <col> element), not 10,000 cells' each: writing those made every
            // template take seconds and a larger file; Excel, WPS and LibreOffice apply a column's format to new cells.
            data.Column(c + 1).Style.NumberFormat.Format = column.Kind == ImportCellKind.Time ? "yyyy-mm-dd hh:mm" : "@";
            if (column.Choices.Count > 0)
            {
                for (var i = 0; i < column.Choices.Count; i++)
                {
                    lists.Cell(i + 1, c + 2).SetValue(texts.Text(column.Choices[i].LabelKey));
                }

                var validation = data.Range(2, c + 1, ImportWorkbookReader.MaxRows + 1, c + 1).SetDataValidation();
                validation.List(lists.Range(1, c + 2, column.Choices.Count, c + 2), true);
                validation.ErrorTitle = texts.Text(column.LabelKey);
                validation.ErrorMessage = texts.Text("Import_PickFromList");
            }
        }

        if (refused is not null)
        {
            WriteRefused(data, columns, texts, refused);
        }

        var top = data.Row(1);
        top.Style.Font.Bold = true;
        data.SheetView.FreezeRows(1);
        data.SetTabActive();
        workbook.SaveAs(output);
    }

    private static void WriteHelp(IXLWorksheet help, ImportKind kind, ImportTexts texts)
    {
        help.Cell(1, 1).SetValue(texts.Text(kind == ImportKind.HeldPatients ? "Import_HelpTitleHeldPatients" : "Import_HelpTitlePaperForms"));
        help.Cell(1, 1).Style.Font.Bold = true;
        for (var i = 1; i <= HelpLines; i++)
        {
            help.Cell(i + 2, 1).SetValue(texts.Text("Import_Help" + i));
        }

        help.Column(1).Width = 110;
    }

    /// <summary>Every refused row under the header as it was read, with its messages in the last column.</summary>
    private static void WriteRefused(IXLWorksheet data, IReadOnlyList<ImportColumn> columns, ImportTexts texts, IReadOnlyList<(ImportRow Row, string Errors)> refused)
    {
        var errorColumn = columns.Count + 1;
        data.Cell(1, errorColumn).SetValue(texts.Text("Import_ErrorColumn"));
        data.Column(errorColumn).Width = 60;
        data.Range(2, errorColumn, refused.Count + 1, errorColumn).Style.NumberFormat.Format = "@";
        for (var r = 0; r < refused.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (refused[r].Row.Cells.GetValueOrDefault(columns[c].Field) is { } text)
                {
                    SetText(data.Cell(r + 2, c + 1), text);
                }
            }

            SetText(data.Cell(r + 2, errorColumn), refused[r].Errors);
        }
    }

    /// <summary>Text stays text: ClosedXML 0.95 would store "110101199003071234" as a number (SPEC section 7).</summary>
    private static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (cell.GetString() != text)
        {
            cell.Value = "'" + text;
        }
    }
}
