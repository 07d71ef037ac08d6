using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Keeps SQLite's planner statistics in step with the data. The list indexes are chosen well only
/// when SQLite knows how many records a facility, a region and a status hold; without statistics it
/// guesses, and reads a page's rows through a scope index instead of by id. A database starts empty
/// (nothing to analyze) and fills while the app runs, so the statistics are refreshed at start-up and
/// every hour. <c>PRAGMA optimize</c> analyzes only tables never analyzed or grown or shrunk 25-fold
/// since, with SQLite's own row limit, so an hourly run on a steady database costs next to nothing.
/// </summary>
public sealed partial class PlannerStatistics(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, ILogger<PlannerStatistics> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>What start-up and the hourly run do; 0x10000 checks every table, not only those this connection used.</summary>
    public static async Task RefreshAsync(DashboardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize = 0x10002;", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                    await RefreshAsync(db, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Statistics only make plans better: a failed run waits for the next hour.
                    RefreshFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the query planner's statistics failed.")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
