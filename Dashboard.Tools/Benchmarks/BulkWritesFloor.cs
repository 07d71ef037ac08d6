using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records.Intake;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// The floor under the bulk intake: SQLite alone writing exactly the rows a bulk run wrote (its held
/// patients, their invoice numbers, their creation events through the audit chain's trigger), read back
/// and inserted into a new database with the intake's own prepared statements, connection settings and
/// batch size, and nothing computed: no validation, checks, derived fields or snapshots. Then the
/// held patients alone, and the held patients alone into a table without its secondary (list and
/// lookup) indexes. The gap between these and the intake is the intake's own work; the gap between
/// the last two is what the indexes cost every insert.
/// </summary>
internal static class BulkWritesFloor
{
    /// <summary>What a bulk run wrote, in the order it wrote it.</summary>
    internal sealed record Written(IReadOnlyList<HeldPatient> Patients, IReadOnlyList<HeldPatientInvoice> Invoices, IReadOnlyList<AuditEvent> Events);

    internal enum Writes
    {
        Everything,
        PatientsOnly,
        PatientsWithoutIndexes,
    }

    internal static async Task<Written> ReadBackAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(cancellationToken);
        var patients = await db.HeldPatients.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Create && e.EntityType == nameof(HeldPatient)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        if (events.Count != patients.Count)
        {
            throw new InvalidOperationException($"The bulk run wrote {patients.Count:N0} held patients but {events.Count:N0} creation events.");
        }

        return new Written(patients, patients.SelectMany(p => p.Invoices).ToList(), events);
    }

    /// <summary>Writes <paramref name="written"/> into the new database behind <paramref name="services"/>, a transaction per intake batch; returns the seconds taken.</summary>
    internal static async Task<double> MeasureAsync(ServiceProvider services, Written written, Writes writes, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(BulkIntake.BatchCache, cancellationToken);
        if (writes == Writes.PatientsWithoutIndexes)
        {
            var indexes = await db.Database.SqlQueryRaw<string>(
                "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'HeldPatients' AND sql IS NOT NULL").ToListAsync(cancellationToken);
            var drop = string.Concat(indexes.Select(index => $"DROP INDEX \"{index}\";"));
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        var invoices = written.Invoices.ToLookup(i => i.HeldPatientId);
        var start = clock.GetTimestamp();
        for (var first = 0; first < written.Patients.Count; first += SyntheticHeldPatientGenerator.BatchSize)
        {
            var patients = written.Patients.Skip(first).Take(SyntheticHeldPatientGenerator.BatchSize).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Insert(db, typeof(HeldPatient), explicitKey: true, patients);
            if (writes == Writes.Everything)
            {
                Insert(db, typeof(HeldPatientInvoice), explicitKey: false, patients.SelectMany(p => invoices[p.Id]).ToList());
                Insert(db, typeof(AuditEvent), explicitKey: false, written.Events.Skip(first).Take(patients.Count).ToList());
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var seconds = clock.GetElapsedTime(start).TotalSeconds;
        var rows = await db.HeldPatients.CountAsync(cancellationToken);
        var events = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.Create && e.EntityType == nameof(HeldPatient), cancellationToken);
        if (rows != written.Patients.Count || events != (writes == Writes.Everything ? written.Events.Count : 0))
        {
            throw new InvalidOperationException($"The floor ({writes}) wrote {rows:N0} held patients and {events:N0} creation events, not what the bulk run wrote.");
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", cancellationToken);
        return seconds;
    }

    private static void Insert<T>(DashboardDbContext db, Type entity, bool explicitKey, List<T> rows)
        where T : class
    {
        using var insert = PreparedRows.Insert(db, entity, explicitKey);
        insert.Insert(rows);
    }
}
