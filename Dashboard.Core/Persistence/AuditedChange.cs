namespace Dashboard.Core.Persistence;

/// <summary>
/// The common shape of changing a record someone else may be editing: check the expected version,
/// apply the change, write the audit event with before/after in the same save, report a conflict.
/// </summary>
public static class AuditedChange
{
    public static async Task<CommandResult> SaveAsync<T>(
        DashboardDbContext db, AuditTrail audit, AccessScope scope, T record, long expectedVersion,
        string action, string entityType, int id, Func<T, object> snapshot, Func<T, Task<CommandResult?>> change,
        CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(change);
        var before = snapshot(record);
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        if (await change(record) is { } rejected)
        {
            return rejected;
        }

        // Every change takes the record to its next version, also one that touched only its own rows in
        // other tables (a held patient's invoice numbers): else two such edits at once would not conflict.
        db.Entry(record).Property(r => r.Version).IsModified = true;
        audit.Add(db, scope, action, entityType, id, before, snapshot(record));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
    }

    /// <summary>Inserts a new record and its audit event in one transaction (the id is known only after the insert).</summary>
    public static async Task<int> InsertAsync<T>(
        DashboardDbContext db, AuditTrail audit, AccessScope scope, T record, string entityType, Func<T, int> id, Func<T, object> snapshot,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(snapshot);
        db.Add(record);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, scope, AuditActions.Create, entityType, id(record), after: snapshot(record));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id(record);
    }
}
