using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Seeding;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Persistence;

/// <summary>Creates or migrates the database, switches SQLite to WAL, and seeds on first start.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<DashboardDbContext> dbFactory,
    TimeProvider clock,
    IOptions<DashboardOptions> options,
    AccountSeeder accounts,
    ILogger<DatabaseInitializer> logger)
{
    private const int SortKeyBatchSize = 1000;

    /// <summary>
    /// The advisory lock ('init') under which one PostgreSQL node migrates and seeds while the others
    /// wait for it; they then find the work done.
    /// </summary>
    public const long StartupLockKey = 0x696e6974;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await InitializeAsync(db, cancellationToken);
            return;
        }

        await CreateDatabaseIfMissingAsync(db, cancellationToken);

        // A session lock on the context's own connection, held through the migrations and the seed.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
            try
            {
                await InitializeAsync(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The lock needs a database to connect to; two nodes may both find it missing, and one creates it.</summary>
    private static async Task CreateDatabaseIfMissingAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // The other node was first.
        }
    }

    private async Task InitializeAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

            // Keeps the query planner's statistics current so it picks the list indexes (and every hour: PlannerStatistics).
            await PlannerStatistics.RefreshAsync(db, cancellationToken);
        }

        await FillNameSortKeysAsync<HeldPatient>(db, cancellationToken);
        await FillNameSortKeysAsync<PaperForm>(db, cancellationToken);

        var now = clock.GetUtcNow();
        var added = new List<Region>();
        if (!await db.Regions.AnyAsync(r => !r.IsRehearsal, cancellationToken))
        {
            added.AddRange(SeededRegions.All());
        }

        if (options.Value.DemoMode && !await db.Regions.AnyAsync(r => r.Code == RehearsalRegion.Code, cancellationToken))
        {
            added.Add(RehearsalRegion.Create(now));
        }

        foreach (var milestone in added.SelectMany(r => r.Plan!.Milestones).Where(m => m.DueUtc <= now.UtcDateTime))
        {
            // What already happened when the plan is first loaded is recorded as done.
            milestone.Status = MilestoneStatus.Done;
        }

        db.Regions.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        if (added.Count > 0)
        {
            LogSeeded(logger, added.Count, string.Join(", ", added.Select(r => r.Code)));
        }

        await accounts.SeedAsync(cancellationToken);
    }

    /// <summary>
    /// Records saved before names had sort keys get theirs. It walks the table once by id, a batch
    /// per transaction, so a large table never holds the write lock for long.
    /// </summary>
    private async Task FillNameSortKeysAsync<T>(DashboardDbContext db, CancellationToken cancellationToken)
        where T : PatientRecord
    {
        var filled = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.Set<T>().AsNoTracking()
                .Where(r => r.Id > lastId && r.PatientNameSortKey == null)
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.PatientName }).Take(SortKeyBatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var row in batch)
                {
                    var key = PatientNameCollation.SortKey(row.PatientName);
                    await db.Set<T>().Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PatientNameSortKey, key), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            filled += batch.Count;
            lastId = batch[^1].Id;
        }

        if (filled > 0)
        {
            LogSortKeysFilled(logger, filled, typeof(T).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filled the name sort keys of {Count} {EntityType} records")]
    private static partial void LogSortKeysFilled(ILogger logger, int count, string entityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} regions: {Codes}")]
    private static partial void LogSeeded(ILogger logger, int count, string codes);
}
