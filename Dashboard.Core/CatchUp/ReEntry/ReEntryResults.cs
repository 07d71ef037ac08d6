using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.CatchUp.ReEntry;

/// <summary>One row of a catch-up list a clerk filled in: its row in the sheet, the record's id, and the status and number written there.</summary>
public sealed record ReEntryLine(int Row, int? Id, string? Status, string? Number);

/// <summary>The lines of a filled-in catch-up list: its held-patient sheet and its paper-form sheet.</summary>
public sealed record ReEntryFile(IReadOnlyList<ReEntryLine> HeldPatients, IReadOnlyList<ReEntryLine> PaperForms);

/// <summary>
/// A change the file asks for, as shown before applying: the kind ("HeldPatient", "PaperForm"), the
/// record, its status now and after (the status names), and the number it will carry.
/// </summary>
public sealed record ReEntryChange(string Kind, int Row, int Id, string PatientName, string From, string To, string? Number, long Version);

/// <summary>A row that cannot be applied: its kind and row, the column to look at (<see cref="ReEntryResults.IdColumn"/> …) and why.</summary>
public sealed record ReEntryProblem(string Kind, int Row, string Column, Message Message);

/// <summary>What a filled-in list would change; nothing is written until it is applied.</summary>
public sealed record ReEntryPreview(IReadOnlyList<ReEntryChange> Changes, IReadOnlyList<ReEntryProblem> Problems, int Unchanged);

/// <summary>
/// The re-entry round-trip: a catch-up list exported, filled in by the clerks who re-entered the
/// records on the new platform (the new status and the new platform's number), and read back. The
/// changes are shown first, then applied in one transaction, each moved on by the record's own
/// status rules and audited like a change made on its page.
/// </summary>
public sealed class ReEntryResults(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, TimeProvider clock, RegionActivity activity)
{
    public const string NoId = "ReEntry_NoId";
    public const string NotFound = "ReEntry_NotFound";
    public const string UnknownStatus = "ReEntry_UnknownStatus";
    public const string RepeatedId = "ReEntry_RepeatedId";
    public const string ChangedSincePreview = "ReEntry_ChangedSincePreview";
    public const string NumberWithoutStatus = "ReEntry_NumberWithoutStatus";

    /// <summary>The columns a problem names (the export's column keys).</summary>
    public const string IdColumn = "id";
    public const string StatusColumn = "status";
    public const string NumberColumn = "number";

    /// <summary>The audit's entity id and attempted action for a whole file.</summary>
    private const string Batch = "re-entry";

    /// <summary>
    /// What the file would change, for records the caller may change. The parsers read a status as
    /// the export wrote it (either language). Rows that change nothing are counted, not listed.
    /// </summary>
    public async Task<ReEntryPreview> PreviewAsync(
        AccessScope scope, ReEntryFile file, Func<string, HeldPatientStatus?> heldStatus, Func<string, PaperFormStatus?> formStatus,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(file);
        var held = await PreviewAsync<HeldPatient, HeldPatientStatus>(scope, file.HeldPatients, heldStatus, p => p.NewPlatformNumber, cancellationToken);
        var forms = await PreviewAsync<PaperForm, PaperFormStatus>(scope, file.PaperForms, formStatus, f => f.FilingNumber, cancellationToken);
        return new ReEntryPreview([.. held.Changes, .. forms.Changes], [.. held.Problems, .. forms.Problems], held.Unchanged + forms.Unchanged);
    }

    /// <summary>
    /// Applies every change of a preview in one transaction, or none: a record changed by someone
    /// since the preview (its version moved) refuses the whole file, which is then read again.
    /// </summary>
    public async Task<CommandResult> ApplyAsync(AccessScope scope, ReEntryPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(preview);
        if (!scope.MayChangeRecordStatus)
        {
            await audit.RecordDeniedAsync(scope, nameof(HeldPatient), Batch, Batch, cancellationToken);
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var regions = new HashSet<int>();
        if (await StageAsync<HeldPatient, HeldPatientStatus>(db, scope, preview.Changes, now, regions, cancellationToken) is { } heldRefused)
        {
            return heldRefused;
        }

        if (await StageAsync<PaperForm, PaperFormStatus>(db, scope, preview.Changes, now, regions, cancellationToken) is { } formRefused)
        {
            return formRefused;
        }

        audit.Add(db, scope, AuditActions.ReEntryApplied, nameof(ReEntryResults), Batch,
            after: preview.Changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList()));
        try
        {
            // One SaveChanges: every update and audit row is written in one transaction, or none.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        foreach (var region in regions)
        {
            activity.Publish(region);
        }

        return CommandResult.Ok();
    }

    /// <summary>A file that could not be read as a filled-in list (not a workbook, too large, a formula…): audited with its reason.</summary>
    public Task RecordRefusedFileAsync(AccessScope scope, string fileName, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Refused, nameof(ReEntryResults), Batch,
            new { file = fileName, reason }, cancellationToken);
    }

    private async Task<ReEntryPreview> PreviewAsync<T, TStatus>(
        AccessScope scope, IReadOnlyList<ReEntryLine> lines, Func<string, TStatus?> parseStatus, Func<T, string?> numberOf, CancellationToken cancellationToken)
        where T : PatientRecord<TStatus>
        where TStatus : struct, Enum
    {
        var kind = typeof(T).Name;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await LoadAsync<T>(db, scope, lines.Select(l => l.Id).OfType<int>(), tracked: false, cancellationToken);
        var changes = new List<ReEntryChange>();
        var problems = new List<ReEntryProblem>();
        var seen = new HashSet<int>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            var (change, problem) = Read(line, records, seen, scope, parseStatus, numberOf);
            if (problem is { } found)
            {
                problems.Add(new ReEntryProblem(kind, line.Row, found.Column, found.Message));
            }
            else if (change is { } move)
            {
                changes.Add(move);
            }
            else
            {
                unchanged++;
            }
        }

        await AuditRefusalsAsync(scope, kind, problems, lines, cancellationToken);
        return new ReEntryPreview(changes, problems, unchanged);
    }

    /// <summary>One line: the change it asks for, a problem, or neither (it changes nothing).</summary>
    private static (ReEntryChange? Change, (string Column, Message Message)? Problem) Read<T, TStatus>(
        ReEntryLine line, Dictionary<int, T> records, HashSet<int> seen, AccessScope scope, Func<string, TStatus?> parseStatus, Func<T, string?> numberOf)
        where T : PatientRecord<TStatus>
        where TStatus : struct, Enum
    {
        if (line.Id is not { } id)
        {
            return (null, (IdColumn, NoId));
        }

        if (!seen.Add(id))
        {
            return (null, (IdColumn, new Message(RepeatedId, Text(id))));
        }

        if (!records.TryGetValue(id, out var record) || !scope.MayChangeRecordStatus)
        {
            return (null, (IdColumn, new Message(NotFound, Text(id))));
        }

        var statusText = InputText.LineOrNull(line.Status);
        if ((statusText is null ? record.Status : parseStatus(statusText)) is not { } to)
        {
            return (null, (StatusColumn, new Message(UnknownStatus, statusText!)));
        }

        var number = InputText.CodeOrNull(line.Number);
        if (EqualityComparer<TStatus>.Default.Equals(to, record.Status))
        {
            // A new number with the status left as it was is most likely a status the clerk forgot to change: say so, never guess.
            return number is null || number == numberOf(record) ? (null, null) : (null, (StatusColumn, NumberWithoutStatus));
        }

        if (record.CheckMove(new StatusChange<TStatus>(to, number)) is { } refused)
        {
            return (null, (refused.Field == nameof(StatusChange<TStatus>.Number) ? NumberColumn : StatusColumn, refused.Message));
        }

        return (new ReEntryChange(typeof(T).Name, line.Row, id, record.PatientName, record.Status.ToString(), to.ToString(), number ?? numberOf(record), record.Version), null);
    }

    /// <summary>Moves the kind's records on in <paramref name="db"/>, each with its audit event; null, or why the whole file is refused.</summary>
    private async Task<CommandResult?> StageAsync<T, TStatus>(
        DashboardDbContext db, AccessScope scope, IReadOnlyList<ReEntryChange> all, DateTime now, HashSet<int> regions, CancellationToken cancellationToken)
        where T : PatientRecord<TStatus>
        where TStatus : struct, Enum
    {
        var changes = all.Where(c => c.Kind == typeof(T).Name).ToList();
        var records = await LoadAsync<T>(db, scope, changes.Select(c => c.Id), tracked: true, cancellationToken);
        foreach (var change in changes)
        {
            if (!records.TryGetValue(change.Id, out var record) || record.Version != change.Version)
            {
                return CommandResult.Invalid("", new Message(ChangedSincePreview, Text(change.Row)));
            }

            var before = record.AuditSnapshot();
            db.Entry(record).Property(r => r.Version).OriginalValue = change.Version;
            if (record.MoveOn(new StatusChange<TStatus>(Enum.Parse<TStatus>(change.To), change.Number), now) is { } refused)
            {
                return CommandResult.Invalid(refused.Field, refused.Message);
            }

            audit.Add(db, scope, AuditActions.StatusChange, typeof(T).Name, record.Id, before, record.AuditSnapshot());
            regions.Add(record.RegionId);
        }

        return null;
    }

    private static string Text(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Dictionary<int, T>> LoadAsync<T>(DashboardDbContext db, AccessScope scope, IEnumerable<int> ids, bool tracked, CancellationToken cancellationToken)
        where T : PatientRecord
    {
        var wanted = ids.Distinct().ToList();
        var query = db.For(scope).Records<T>().Where(r => EF.Parameter(wanted).Contains(r.Id));
        return await (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    /// <summary>Ids the caller cannot change (missing, or outside the scope) are refusals: one audit event per file, listing them.</summary>
    private async Task AuditRefusalsAsync(AccessScope scope, string kind, IReadOnlyList<ReEntryProblem> problems, IReadOnlyList<ReEntryLine> lines, CancellationToken cancellationToken)
    {
        var refusedRows = problems.Where(p => p.Message.Key == NotFound).Select(p => p.Row).ToHashSet();
        if (refusedRows.Count == 0)
        {
            return;
        }

        var ids = lines.Where(l => refusedRows.Contains(l.Row)).Select(l => l.Id).ToList();
        await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.AuthorizationFailed, kind, Batch,
            new { attempted = Batch, ids }, cancellationToken);
    }
}
