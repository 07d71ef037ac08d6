namespace Dashboard.Core.Import;

/// <summary>Why a row cannot be imported: its number as Excel shows it, the input field (its column) and the form's message.</summary>
public sealed record ImportRowError(int RowNumber, string Field, Message Message);

/// <summary>
/// An uploaded workbook as the bulk intake judged it in a dry run, before anything is written: either
/// refused as a whole (<see cref="Refusal"/>), or its rows with every row's errors. The rows to import
/// are kept here, so the commit takes exactly what was previewed.
/// </summary>
public sealed class ImportPreview
{
    internal ImportPreview(ImportKind kind, string fileName, int facilityId, Message? refusal)
    {
        Kind = kind;
        FileName = fileName;
        FacilityId = facilityId;
        Refusal = refusal;
    }

    public ImportKind Kind { get; }

    public string FileName { get; }

    public int FacilityId { get; }

    public Message? Refusal { get; }

    public IReadOnlyList<ImportRow> Rows { get; internal init; } = [];

    public IReadOnlyList<ImportRowError> Errors { get; internal init; } = [];

    /// <summary>The rows the dry run would have written, as their inputs, in sheet order.</summary>
    internal IReadOnlyList<object> Accepted { get; init; } = [];

    public int Valid => Accepted.Count;

    public int Invalid => Rows.Count - Valid;

    /// <summary>Rows refused because the record is already there (the same file imported again, or typed in already).</summary>
    public int Duplicates => Errors.Where(e => RecordImport.DuplicateKeys.Contains(e.Message.Key)).Select(e => e.RowNumber).Distinct().Count();

    public IEnumerable<ImportRow> RefusedRows
    {
        get
        {
            var refused = Errors.Select(e => e.RowNumber).ToHashSet();
            return Rows.Where(r => refused.Contains(r.RowNumber));
        }
    }
}

/// <summary>What an import wrote: the rows written, and those refused at the commit (someone added a duplicate since the preview).</summary>
public sealed record ImportOutcome(int Written, int Refused);
