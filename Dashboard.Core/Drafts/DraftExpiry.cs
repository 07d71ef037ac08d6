using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Drafts;

/// <summary>
/// Deletes drafts older than <see cref="DraftService.Lifetime"/>, at start-up and every hour, with one
/// audit event per draft deleted: whose it was, which form, how old; never what it held. Deleting is
/// safe because a draft is unsaved typing, not an entered record: whatever was saved lives in its record,
/// and a form nobody came back to in a week holds full ID numbers and phones for no purpose.
/// </summary>
public sealed partial class DraftExpiry(
    DraftService drafts, IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, TimeProvider clock, ILogger<DraftExpiry> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Who the audit names for the deletions: the app itself, not a signed-in user.</summary>
    public const string Actor = "system";

    /// <summary>After each pass, with the number of drafts it deleted (tests wait for it rather than for time).</summary>
    public event Action<int>? Swept;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The timer exists before the first pass, so a clock that moves during that pass still ticks it.
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    Swept?.Invoke(await DeleteExpiredAsync(stoppingToken));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database busy: the next pass deletes what this one could not.
                    SweepFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every expired draft and audits each; returns how many went.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var expiredBefore = drafts.ExpiredBefore;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.FormDrafts.AsNoTracking().Where(d => d.UpdatedUtc < expiredBefore)
            .Select(d => new { d.Id, d.UserId, d.FormKey, d.UpdatedUtc }).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var draft in expired)
        {
            // Only if still unchanged: a clerk who came back to it a moment ago keeps it.
            if (await db.FormDrafts.Where(d => d.Id == draft.Id && d.UpdatedUtc < expiredBefore).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                continue;
            }

            await audit.RecordAsync(null, Actor, null, null, AuditActions.DraftExpired, nameof(FormDraft), draft.FormKey,
                new { draft.UserId, draft.FormKey, LastChangedUtc = draft.UpdatedUtc, AgeDays = Math.Round((now - draft.UpdatedUtc).TotalDays, 1) },
                cancellationToken);
            deleted++;
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired drafts failed; the next pass tries again.")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
