using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.Records.Intake;

namespace Dashboard.Core.Import;

/// <summary>A data row of an uploaded sheet: its number as Excel shows it and each column's text (trimmed, null when empty).</summary>
public sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, string?> Cells);

/// <summary>
/// Reads the data sheet of an import template, refusing the whole file for anything that is not the
/// template filled in by hand: another template, a renamed sheet or column, formulas, merged cells, a
/// runaway cell, more rows than one batch takes. Run only after <see cref="WorkbookPackage.Check"/>.
/// Times are read as text ("2026-11-20 09:30", "2026/11/20"), as Excel date cells or as serial numbers,
/// and become the text the form's rules parse; every text is trimmed; empty rows are skipped.
/// </summary>
public static class ImportWorkbookReader
{
    /// <summary>One import is one batch, and so one transaction.</summary>
    public const int MaxRows = BulkIntake.MaxBatchSize;

    /// <summary>No field takes more than 2,000 characters: a longer cell is something else pasted in (Excel's own limit is 32,767).</summary>
    public const int MaxCellLength = 32_000;

    /// <summary>The hidden sheet with the lists; its first cell names the template (<see cref="TemplateMark"/>).</summary>
    public const string ListsSheet = "Lists";

    public const string NoSheet = "Import_NoSheet";
    public const string OtherTemplate = "Import_OtherTemplate";
    public const string MissingColumns = "Import_MissingColumns";
    public const string UnknownColumns = "Import_UnknownColumns";
    public const string Formula = "Import_Formula";
    public const string Merged = "Import_Merged";
    public const string RunawayCell = "Import_RunawayCell";
    public const string TooManyRows = "Import_TooManyRows";
    public const string NoRows = "Import_NoRows";

    public static string TemplateMark(ImportKind kind) => "cutover-dashboard-import:" + kind;

    public static (IReadOnlyList<ImportRow> Rows, Message? Refusal) Read(Stream file, ImportKind kind, ImportTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(file);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A zip with broken or missing parts: what the user needs to know is the same.
            return ([], WorkbookPackage.NotWorkbook);
        }

        using (workbook)
        {
            return Read(workbook, kind, texts);
        }
    }

    private static (IReadOnlyList<ImportRow> Rows, Message? Refusal) Read(XLWorkbook workbook, ImportKind kind, ImportTexts texts)
    {
        var other = kind == ImportKind.HeldPatients ? ImportKind.PaperForms : ImportKind.HeldPatients;
        if (MarkOf(workbook) == TemplateMark(other) || Sheet(workbook, other, texts) is not null)
        {
            return ([], new Message(OtherTemplate, texts.Text(ImportColumns.SheetKey(other)), texts.Text(ImportColumns.SheetKey(kind))));
        }

        if (Sheet(workbook, kind, texts) is not { } sheet)
        {
            return ([], new Message(NoSheet, texts.Text(ImportColumns.SheetKey(kind))));
        }

        if (sheet.MergedRanges.FirstOrDefault() is { } merged)
        {
            return ([], new Message(Merged, merged.RangeAddress.ToString()!));
        }

        var used = sheet.CellsUsed().ToList();
        if (used.FirstOrDefault(c => c.HasFormula) is { } formula)
        {
            return ([], new Message(Formula, formula.Address.ToString()!));
        }

        if (used.FirstOrDefault(c => c.DataType == XLDataType.Text && c.GetString().Length > MaxCellLength) is { } runaway)
        {
            return ([], new Message(RunawayCell, runaway.Address.ToString()!, MaxCellLength.ToString(CultureInfo.InvariantCulture)));
        }

        var (columns, refusal) = Header(sheet, ImportColumns.Of(kind), texts);
        if (refusal is not null)
        {
            return ([], refusal);
        }

        var rowNumbers = used.Where(c => c.Address.RowNumber > 1).Select(c => c.Address.RowNumber).Distinct().Order().ToList();
        if (rowNumbers.Count > MaxRows)
        {
            return ([], new Message(TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture), rowNumbers.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var rows = rowNumbers
            .Select(n => new ImportRow(n, columns.ToDictionary(c => c.Column.Field, c => CellText(sheet.Cell(n, c.Number), c.Column.Kind))))
            .Where(r => r.Cells.Values.Any(v => v is not null))
            .ToList();
        return rows.Count == 0 ? ([], NoRows) : (rows, null);
    }

    private static string? MarkOf(XLWorkbook workbook) =>
        workbook.TryGetWorksheet(ListsSheet, out var lists) ? lists.Cell(1, 1).GetString() : null;

    private static IXLWorksheet? Sheet(XLWorkbook workbook, ImportKind kind, ImportTexts texts) =>
        texts.AllOf(ImportColumns.SheetKey(kind)).Select(name => workbook.TryGetWorksheet(name, out var sheet) ? sheet : null).FirstOrDefault(s => s is not null);

    /// <summary>Each template column's position, by its label in any UI language; every column must be there and no other.</summary>
    private static (List<(ImportColumn Column, int Number)> Columns, Message? Refusal) Header(IXLWorksheet sheet, IReadOnlyList<ImportColumn> template, ImportTexts texts)
    {
        var found = new List<(ImportColumn Column, int Number)>();
        var unknown = new List<string>();
        foreach (var cell in sheet.Row(1).CellsUsed())
        {
            var header = cell.GetString().Trim();
            // The error column of a workbook of refused rows, imported again once fixed.
            if (header.Length == 0 || texts.AllOf("Import_ErrorColumn").Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (template.FirstOrDefault(c => texts.AllOf(c.LabelKey).Contains(header, StringComparer.OrdinalIgnoreCase)) is { } column &&
                found.All(f => f.Column != column))
            {
                found.Add((column, cell.Address.ColumnNumber));
            }
            else
            {
                unknown.Add(header);
            }
        }

        var missing = template.Where(c => found.All(f => f.Column != c)).Select(c => texts.Text(c.LabelKey)).ToList();
        return missing.Count > 0 ? (found, new Message(MissingColumns, string.Join("、", missing)))
            : unknown.Count > 0 ? (found, new Message(UnknownColumns, string.Join("、", unknown)))
            : (found, null);
    }

    private static string? CellText(IXLCell cell, ImportCellKind kind)
    {
        var text = cell.DataType switch
        {
            XLDataType.DateTime => LocalTime(cell.GetDateTime()),
            XLDataType.Number when kind == ImportCellKind.Time => SerialTime(cell.GetDouble()),
            XLDataType.Number => cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
            _ => cell.GetString(),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>An Excel serial number as a local time; one outside Excel's dates is left as typed, and the form's rules refuse it.</summary>
    private static string SerialTime(double serial) =>
        serial is >= 1 and < 2_958_466 ? LocalTime(DateTime.FromOADate(serial)) : serial.ToString(CultureInfo.InvariantCulture);

    private static string LocalTime(DateTime local) => local.ToString(LocalTimeText.Format, CultureInfo.InvariantCulture);
}
