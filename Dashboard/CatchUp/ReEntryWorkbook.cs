using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.CatchUp.ReEntry;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Import;
using Dashboard.Core.PaperForms;
using Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.CatchUp;

/// <summary>What reading a filled-in list gave: its lines, or why the file cannot be read (a message key and its arguments).</summary>
public sealed record ReEntryRead(ReEntryFile? File, string? Problem = null, params string[] Arguments);

/// <summary>
/// Reads a catch-up list back after the clerks filled in the new platform's status and number: the
/// held-patient and paper-form sheets found by their headers, as the export wrote them in either
/// language, and each row's record id, status and number. The statuses are read in either language too.
/// </summary>
public sealed class ReEntryWorkbook(IStringLocalizer<SharedResource> localizer)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>What the workbook may unpack to: an export of 20,000 rows unpacks to about 30 MB; a zip bomb to far more.</summary>
    public const long MaxUnpackedBytes = 300 * 1024 * 1024;

    public const int MaxRows = 20_000;

    public const string NotWorkbook = "ReEntry_NotWorkbook";
    public const string TooLarge = "ReEntry_TooLarge";
    public const string UnpacksTooLarge = "ReEntry_UnpacksTooLarge";
    public const string NoListSheet = "ReEntry_NoListSheet";
    public const string TooManyRows = "ReEntry_TooManyRows";
    public const string Formula = "ReEntry_Formula";

    private readonly IReadOnlyList<IStringLocalizer> _languages =
        [.. UiCultures.Supported.Select(c => new CultureLocalizer(localizer, CultureInfo.GetCultureInfo(c)))];

    public ReEntryRead Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        // The import's package check (declared and real unpacked sizes), with a list's larger limits and its own words.
        if (WorkbookPackage.Check(workbook, MaxBytes, MaxUnpackedBytes) is { } refused)
        {
            return refused.Key switch
            {
                WorkbookPackage.TooLarge => new ReEntryRead(null, TooLarge, refused.Args[0]),
                WorkbookPackage.UnpacksTooLarge => new ReEntryRead(null, UnpacksTooLarge, refused.Args[0]),
                _ => new ReEntryRead(null, NotWorkbook),
            };
        }

        try
        {
            workbook.Position = 0;
            using var book = new XLWorkbook(workbook);
            return Read(book);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException or IOException)
        {
            return new ReEntryRead(null, NotWorkbook);
        }
    }

    public HeldPatientStatus? HeldStatus(string text) => Status<HeldPatientStatus>("HPStatus_", text);

    public PaperFormStatus? FormStatus(string text) => Status<PaperFormStatus>("PFStatus_", text);

    private ReEntryRead Read(XLWorkbook book)
    {
        var held = new List<ReEntryLine>();
        var forms = new List<ReEntryLine>();
        var found = false;
        foreach (var sheet in book.Worksheets)
        {
            var headers = Headers(sheet);
            var lines = Headers("HP_NewPlatformNumber").Any(headers.ContainsKey) ? held
                : Headers("PF_FilingNumber").Any(headers.ContainsKey) ? forms
                : null;
            if (lines is null || Column(headers, "Export_RecordId") is not { } idColumn)
            {
                continue;
            }

            found = true;
            var statusColumn = Column(headers, "HP_Status");
            var numberColumn = Column(headers, lines == held ? "HP_NewPlatformNumber" : "PF_FilingNumber");
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            if (held.Count + forms.Count + last - 1 > MaxRows)
            {
                return new ReEntryRead(null, TooManyRows, MaxRows.ToString("N0", CultureInfo.InvariantCulture));
            }

            for (var row = 2; row <= last; row++)
            {
                var cells = new[] { idColumn, statusColumn, numberColumn }.OfType<int>().Select(c => sheet.Cell(row, c)).ToList();
                if (cells.FirstOrDefault(c => c.HasFormula) is { } formula)
                {
                    return new ReEntryRead(null, Formula, $"{sheet.Name}!{formula.Address}");
                }

                if (cells.All(c => c.IsEmpty()))
                {
                    continue;
                }

                lines.Add(new ReEntryLine(row, Id(sheet.Cell(row, idColumn)), Text(sheet, row, statusColumn), Text(sheet, row, numberColumn)));
            }
        }

        return found ? new ReEntryRead(new ReEntryFile(held, forms)) : new ReEntryRead(null, NoListSheet);
    }

    /// <summary>The header row's texts and their columns.</summary>
    private static Dictionary<string, int> Headers(IXLWorksheet sheet)
    {
        var headers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in sheet.Row(1).CellsUsed())
        {
            headers.TryAdd(cell.GetString().Trim(), cell.Address.ColumnNumber);
        }

        return headers;
    }

    /// <summary>A header as the export writes it, in every language.</summary>
    private IEnumerable<string> Headers(string key) => _languages.Select(l => l[key].Value);

    private int? Column(Dictionary<string, int> headers, string key) =>
        Headers(key).Select(h => headers.TryGetValue(h, out var column) ? column : (int?)null).FirstOrDefault(c => c is not null);

    private static string? Text(IXLWorksheet sheet, int row, int? column) =>
        column is { } c ? sheet.Cell(row, c) is var cell && cell.DataType == XLDataType.Number
            ? cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture)
            : cell.GetString() : null;

    private static int? Id(IXLCell cell) =>
        cell.DataType == XLDataType.Number && cell.GetDouble() is var number && number == Math.Floor(number) && number is > 0 and <= int.MaxValue ? (int)number
        : int.TryParse(cell.GetString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : null;

    private TStatus? Status<TStatus>(string prefix, string text)
        where TStatus : struct, Enum =>
        Enum.GetValues<TStatus>().Cast<TStatus?>().FirstOrDefault(status =>
            _languages.Any(l => string.Equals(l[prefix + status].Value, text.Trim(), StringComparison.OrdinalIgnoreCase)));
}
