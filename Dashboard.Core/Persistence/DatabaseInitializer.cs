using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Microsoft.EntityFrameworkCore;
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
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

            // Keeps the query planner's statistics current so it picks the list indexes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize = 0x10002;", cancellationToken);
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} regions: {Codes}")]
    private static partial void LogSeeded(ILogger logger, int count, string codes);
}
