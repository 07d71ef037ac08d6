using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Records.Intake;

namespace Dashboard.Core.Import;

/// <summary>
/// Imports a workbook of held patients or paper forms through the one bulk intake: the file is
/// checked (<see cref="WorkbookPackage"/>, <see cref="ImportWorkbookReader"/>), its rows are run
/// through the intake as a dry run for the preview, and on the user's word the previewed valid rows
/// are taken as one batch, one transaction. Desks import at their facility, administrators at the
/// one they choose; the intake enforces the scope again row by row. Refusals, imports and
/// cancellations are audited. See docs/adr/0010-excel-import.md.
/// </summary>
public sealed class RecordImport(BulkIntake intake, AuditTrail audit)
{
    public const string NotAllowed = "Import_NotAllowed";

    /// <summary>A preview dropped by its Cancel button, as its <see cref="AuditActions.ImportCancelled"/> event says.</summary>
    public const string CancelledByButton = "cancel";

    /// <summary>A preview dropped by leaving the page with it open, as its <see cref="AuditActions.ImportCancelled"/> event says.</summary>
    public const string CancelledByLeaving = "left page";

    /// <summary>The messages that say a row is already there.</summary>
    public static readonly IReadOnlySet<string> DuplicateKeys = new HashSet<string>(StringComparer.Ordinal) { HeldPatientIntake.Duplicate, PaperFormService.SerialTaken };

    public static bool MayImport(AccessScope scope) => scope?.MayEnterRecords == true || scope?.IsAdmin == true;

    public async Task<ImportPreview> PreviewAsync(AccessScope scope, ImportKind kind, int facilityId, string fileName, Stream file, ImportTexts texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(file);
        facilityId = scope.IsAdmin ? facilityId : scope.FacilityId ?? 0;
        if (!MayImport(scope))
        {
            await audit.RecordDeniedAsync(scope, kind.ToString(), fileName, AuditActions.Import, cancellationToken);
            return new ImportPreview(kind, fileName, facilityId, NotAllowed);
        }

        // Reading a workbook is CPU work of a second or two at the row limit: off the caller's thread (a circuit's).
        var (rows, refusal) = await Task.Run(() => WorkbookPackage.Check(file) is { } why ? ([], why) : ImportWorkbookReader.Read(file, kind, texts), cancellationToken);
        if (refusal is not null)
        {
            return await RefuseAsync(scope, kind, facilityId, fileName, refusal, cancellationToken);
        }

        return kind == ImportKind.HeldPatients
            ? await JudgeAsync<HeldPatientInput, HeldPatientIntakeRow>(
                kind, fileName, facilityId, rows, texts, input => new HeldPatientIntakeRow(facilityId, input), batch => intake.PreviewHeldPatientsAsync(scope, batch, cancellationToken))
            : await JudgeAsync<PaperFormInput, PaperFormInput>(
                kind, fileName, facilityId, rows, texts, input => { input.FacilityId = facilityId; return input; }, batch => intake.PreviewPaperFormsAsync(scope, batch, cancellationToken));
    }

    /// <summary>A file the browser says is over the size limit: refused before a byte of it is read.</summary>
    public Task<ImportPreview> RefuseTooLargeAsync(AccessScope scope, ImportKind kind, int facilityId, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RefuseAsync(scope, kind, scope.IsAdmin ? facilityId : scope.FacilityId ?? 0, fileName, WorkbookPackage.TooLargeMessage, cancellationToken);
    }

    private async Task<ImportPreview> RefuseAsync(AccessScope scope, ImportKind kind, int facilityId, string fileName, Message why, CancellationToken cancellationToken)
    {
        await RecordAsync(scope, AuditActions.ImportRefused, kind, fileName, new { facilityId, reason = why.ToString() }, cancellationToken);
        return new ImportPreview(kind, fileName, facilityId, why);
    }

    /// <summary>Takes the previewed valid rows as one batch. Rows refused now (a duplicate added since the preview) are counted, not written.</summary>
    public async Task<ImportOutcome> CommitAsync(AccessScope scope, ImportPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(preview);
        if (preview.Refusal is not null || !MayImport(scope))
        {
            throw new InvalidOperationException("A refused import cannot be committed.");
        }

        var result = preview.Kind == ImportKind.HeldPatients
            ? await intake.AddHeldPatientsAsync(scope, preview.Accepted.Cast<HeldPatientIntakeRow>().ToList(), cancellationToken)
            : await intake.AddPaperFormsAsync(scope, preview.Accepted.Cast<PaperFormInput>().ToList(), cancellationToken);
        var outcome = new ImportOutcome(result.Written, result.Refused.Count);
        await RecordAsync(scope, AuditActions.Import, preview.Kind, preview.FileName,
            new { preview.FacilityId, rows = preview.Rows.Count, previewInvalid = preview.Invalid, previewDuplicates = preview.Duplicates, outcome.Written, refusedAtCommit = outcome.Refused },
            cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The preview is dropped without an import: by its Cancel button, or by the user leaving the page (a link,
    /// the tab closed, the circuit ended) with the preview still open (<paramref name="leftPage"/>).
    /// </summary>
    public Task CancelAsync(AccessScope scope, ImportPreview preview, bool leftPage = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(preview);
        return RecordAsync(scope, AuditActions.ImportCancelled, preview.Kind, preview.FileName,
            new { preview.FacilityId, rows = preview.Rows.Count, preview.Valid, preview.Invalid, via = leftPage ? CancelledByLeaving : CancelledByButton },
            cancellationToken);
    }

    /// <summary>
    /// Each row as the form would take it; rows whose list cells are none of their values are refused
    /// here, the rest go through the intake's dry run together, so a row repeated in the file is
    /// refused as the duplicate of the one before it, as at the commit.
    /// </summary>
    private static async Task<ImportPreview> JudgeAsync<TInput, TRow>(
        ImportKind kind, string fileName, int facilityId, IReadOnlyList<ImportRow> rows, ImportTexts texts,
        Func<TInput, TRow> toRow, Func<IReadOnlyList<TRow>, Task<IntakeResult>> dryRun)
        where TInput : new()
    {
        var columns = ImportColumns.Of(kind);
        var errors = new List<ImportRowError>();
        var mapped = new List<(ImportRow Row, TRow Input)>();
        foreach (var row in rows)
        {
            var (input, unreadable) = ImportRowMapper.Map<TInput>(row, columns, texts);
            if (unreadable.Count > 0)
            {
                errors.AddRange(ErrorsOf(row, unreadable));
                continue;
            }

            mapped.Add((row, toRow(input)));
        }

        var result = mapped.Count == 0 ? new IntakeResult([], []) : await dryRun(mapped.Select(m => m.Input).ToList());
        foreach (var refused in result.Refused)
        {
            errors.AddRange(ErrorsOf(mapped[refused.Row].Row, refused.Errors));
        }

        var refusedRows = result.Refused.Select(r => r.Row).ToHashSet();
        return new ImportPreview(kind, fileName, facilityId, null)
        {
            Rows = rows,
            Errors = errors.OrderBy(e => e.RowNumber).ToList(),
            Accepted = mapped.Where((_, i) => !refusedRows.Contains(i)).Select(m => (object)m.Input!).ToList(),
        };
    }

    private static IEnumerable<ImportRowError> ErrorsOf(ImportRow row, IReadOnlyDictionary<string, Message[]> errors) =>
        errors.SelectMany(e => e.Value.Select(m => new ImportRowError(row.RowNumber, e.Key, m)));

    private Task RecordAsync(AccessScope scope, string action, ImportKind kind, string fileName, object details, CancellationToken cancellationToken) =>
        audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, action, kind.ToString(), fileName, details, cancellationToken);
}
