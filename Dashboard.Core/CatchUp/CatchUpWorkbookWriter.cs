using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Dashboard.Core.CatchUp;

/// <summary>A sheet to write: its columns and its rows, read once, as they stream from the database.</summary>
public sealed record SheetSource(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<IDictionary<string, object?>> Rows);

public sealed record SheetColumn(string Key, string Header, double Width, ExportCellKind Kind);

/// <summary>
/// Writes catch-up workbooks with MiniExcel, which streams rows to the zip without building the
/// workbook in memory (ClosedXML 0.95 grows with the row count; see docs/adr/0001). Header row
/// frozen, autofilter on, widths set without measuring fonts, dates as real Excel dates, amounts with two
/// decimals, text as quote-prefixed text.
/// </summary>
public static class CatchUpWorkbookWriter
{
    /// <summary>Excel's limit is 1,048,576 rows a sheet; longer lists continue on a next sheet.</summary>
    public const int MaxRowsPerSheet = 1_000_000;

    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";

    public const string DateFormat = "yyyy-mm-dd";

    public const string MoneyFormat = "0.00";

    /// <summary>Excel's text format: with the quote prefix WorkbookFinisher adds, text stays text when edited.</summary>
    public const string TextFormat = "@";

    public static void Write(Stream output, IReadOnlyList<SheetSource> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>();
        var surrogates = new SurrogateSeen();
        foreach (var sheet in sheets)
        {
            workbook[sheet.Name] = Watched(sheet.Rows, surrogates);
        }

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableAutoWidth = false,
            FastMode = false,
            // One column definition per key for the whole workbook: a key means one header and one kind on every sheet.
            DynamicColumns = [.. sheets.SelectMany(s => s.Columns).DistinctBy(c => c.Key).Select(ToDynamicColumn)],
        };

        // MiniExcel writes a package that WorkbookFinisher finishes: quote-prefixed text styles always, real
        // characters beyond the BMP when a value has any (that copy recompresses the sheets, so only then).
        // The intermediate package lives beside the output file (the exports folder only the app may
        // enter) and is deleted when closed.
        using var package = IntermediatePackage(output);
        package.SaveAs(workbook, configuration: configuration);
        package.Position = 0;
        if (surrogates.Seen)
        {
            WorkbookFinisher.Finish(package, output);
            return;
        }

        WorkbookFinisher.QuotePrefixInPlace(package);
        package.Position = 0;
        package.CopyTo(output);
    }

    private sealed class SurrogateSeen
    {
        public bool Seen { get; set; }
    }

    private static IEnumerable<IDictionary<string, object?>> Watched(IEnumerable<IDictionary<string, object?>> rows, SurrogateSeen surrogates)
    {
        foreach (var row in rows)
        {
            if (!surrogates.Seen)
            {
                foreach (var value in row.Values)
                {
                    if (value is string text && WorkbookFinisher.NeedsJoining(text))
                    {
                        surrogates.Seen = true;
                        break;
                    }
                }
            }

            yield return row;
        }
    }

    private static FileStream IntermediatePackage(Stream output)
    {
        var folder = output is FileStream { Name: var name } && Path.GetDirectoryName(name) is { Length: > 0 } directory ? directory : Path.GetTempPath();
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.part"), options);
    }

    /// <summary>
    /// Rows of a typed list as cells; continues on "name (2)", "name (3)"… past the sheet limit.
    /// <paramref name="rowsPerSheet"/> is the production limit except in tests, which check the
    /// continuation without writing a million rows.
    /// </summary>
    public static IEnumerable<SheetSource> Split<T>(
        string name, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, long rowCount, ExportText text, TimeZoneInfo zone,
        Action<int>? rowWritten = null, int rowsPerSheet = MaxRowsPerSheet)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerSheet, MaxRowsPerSheet);
        var sheetColumns = columns.Select(c => new SheetColumn(c.Key, text.Get(c.HeaderKey), c.Width, c.Kind)).ToList();
        var shared = new SharedCursor<T>(rows);
        var sheetCount = Math.Max(1, (int)((rowCount + rowsPerSheet - 1) / rowsPerSheet));
        for (var i = 0; i < sheetCount; i++)
        {
            var sheetName = i == 0 ? name : $"{name} ({i + 1})";
            yield return new SheetSource(sheetName, sheetColumns, Cells(shared.Take(rowsPerSheet), columns, text, zone, rowWritten));
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Cells<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, ExportText text, TimeZoneInfo zone, Action<int>? rowWritten)
    {
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            foreach (var column in columns)
            {
                cells[column.Key] = SpreadsheetText.Cell(column, row, text, zone);
            }

            rowWritten?.Invoke(1);
            yield return cells;
        }
    }

    private static DynamicExcelColumn ToDynamicColumn(SheetColumn column) => new(column.Key)
    {
        Name = column.Header,
        Width = column.Width,
        Format = column.Kind switch
        {
            ExportCellKind.DateTime => DateTimeFormat,
            ExportCellKind.Date => DateFormat,
            ExportCellKind.Money => MoneyFormat,
            ExportCellKind.Text => TextFormat,
            _ => null,
        },
    };

    /// <summary>One pass over the rows shared by consecutive sheets, each taking the next slice.</summary>
    private sealed class SharedCursor<T>(IEnumerable<T> rows)
    {
        private IEnumerator<T>? _enumerator;

        public IEnumerable<T> Take(int count)
        {
            _enumerator ??= rows.GetEnumerator();
            for (var i = 0; i < count && _enumerator.MoveNext(); i++)
            {
                yield return _enumerator.Current;
            }
        }
    }
}
