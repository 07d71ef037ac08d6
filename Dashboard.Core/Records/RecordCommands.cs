using Dashboard.Core.Live;

namespace Dashboard.Core.Records;

/// <summary>Where a new record belongs: its facility, that facility's region and the region's catch-up deadline.</summary>
public sealed record RecordPlace(int FacilityId, int RegionId, DateTime? DeadlineUtc);

/// <summary>
/// The one path every change to a held patient or a paper form takes: load the record within the
/// caller's scope, check the caller may, apply the change against the version the user saw, write
/// the audit event in the same save, and tell the region's boards. A refusal is audited too.
/// </summary>
public sealed class RecordCommands(
    IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, TimeProvider clock, RegionActivity activity)
{
    /// <summary>
    /// Adds a record at its place, stamped with who entered it and when. <paramref name="check"/>
    /// runs against the database first (a form number already used, a link out of scope); if a
    /// unique index refuses the insert because someone saved the same thing at the same moment, the
    /// check runs again on fresh data to say why.
    /// </summary>
    public async Task<CommandResult<int>> CreateAsync<T>(
        AccessScope scope, RecordPlace place, T record, Func<DashboardDbContext, Task<CommandResult?>>? check = null,
        CancellationToken cancellationToken = default)
        where T : PatientRecord
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(record);
        record.EnterAt(place, scope, clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (check is not null && await check(db) is { } refused)
        {
            return refused;
        }

        try
        {
            var id = await AuditedChange.InsertAsync(db, audit, scope, record, typeof(T).Name, r => r.Id, r => r.AuditSnapshot(), cancellationToken);
            activity.Publish(record.RegionId);
            return new CommandResult<int>(CommandResult.Ok(), id);
        }
        catch (DbUpdateException) when (check is not null)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await check(fresh) ?? throw new InvalidOperationException($"Saving the {typeof(T).Name} failed.");
        }
    }

    /// <summary>
    /// Changes a record the caller can see, if <paramref name="may"/> allows it: not found (and
    /// audited) outside the caller's scope, forbidden (and audited) when the role may not.
    /// <paramref name="change"/> edits the tracked record, or returns why not; nothing is saved then.
    /// </summary>
    public async Task<CommandResult> ChangeAsync<T>(
        AccessScope scope, int id, long expectedVersion, string action, Func<T, bool> may,
        Func<DashboardDbContext, T, DateTime, Task<CommandResult?>> change, CancellationToken cancellationToken = default)
        where T : PatientRecord
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(may);
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.For(scope).Records<T>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null && !await db.Set<T>().AnyAsync(r => r.Id == id, cancellationToken))
        {
            await audit.RecordMissingAsync(scope, typeof(T).Name, id, action, cancellationToken);
            return CommandResult.NotFound();
        }

        if (record is null || !may(record))
        {
            await audit.RecordDeniedAsync(scope, typeof(T).Name, id, action, cancellationToken);
            return record is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await AuditedChange.SaveAsync(db, audit, scope, record, expectedVersion, action, typeof(T).Name, id, r => r.AuditSnapshot(),
            r => change(db, r, now), cancellationToken);
        if (result.Succeeded)
        {
            activity.Publish(record.RegionId);
        }

        return result;
    }

    /// <summary>Moves a record on along its kind's statuses (<see cref="PatientRecord{TStatus}.MoveOn"/>).</summary>
    public Task<CommandResult> ChangeStatusAsync<T, TStatus>(
        AccessScope scope, int id, long expectedVersion, Func<T, bool> may, StatusChange<TStatus> change, CancellationToken cancellationToken = default)
        where T : PatientRecord<TStatus>
        where TStatus : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(change);
        return ChangeAsync<T>(scope, id, expectedVersion, AuditActions.StatusChange, may, (_, record, now) =>
            Task.FromResult(record.MoveOn(change, now) is { } refused ? CommandResult.Invalid(refused.Field, refused.Message) : null),
            cancellationToken);
    }
}
