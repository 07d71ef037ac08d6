using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Notifications;

/// <summary>
/// Sends the outbox's due messages, one at a time, and records every attempt. A failure is tried again
/// after <see cref="RetryPolicy"/>'s wait and given up after its last attempt. Group robots take about
/// 20 messages a minute: more to one robot wait for the next minute instead of being refused.
/// Delivery is at least once: a crash between the receiver's answer and the save sends that message again.
/// </summary>
public sealed partial class NotificationDispatcher(
    IDbContextFactory<DashboardDbContext> dbFactory, WebhookSender sender, NotificationOutbox outbox, TimeProvider clock, ILogger<NotificationDispatcher> logger)
    : BackgroundService
{
    public const int BatchSize = 20;
    public const int RobotLimitPerMinute = 20;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);
    public const string TargetDeactivated = "Target deactivated before delivery";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset? next = null;
                try
                {
                    next = await DeliverDueAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database busy: what was sent is recorded, the rest waits for the next pass.
                    DeliveryFailed(logger, ex);
                }

                var wait = next is { } at ? at - clock.GetUtcNow() : MaxWait;
                await outbox.Queued.WaitAsync(wait < MaxWait ? wait : MaxWait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends every message due now; returns when the next pending one falls due (null when none is pending).</summary>
    public async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var severalNodes = db.Database.IsNpgsql();
        while (true)
        {
            // One context for the pass, but only one batch tracked at a time.
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;

            // Several nodes: each message is claimed in a transaction of its own, which holds its row until
            // the attempt is saved; the other nodes skip it and take the next (ADR 0012).
            await using var claim = severalNodes ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var due = await DueAsync(db, now, severalNodes, cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var minuteAgo = now - TimeSpan.FromMinutes(1);
            var recent = await db.DeliveryAttempts.Where(a => a.AttemptedUtc > minuteAgo)
                .GroupBy(a => a.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            foreach (var message in due)
            {
                await DeliverAsync(db, message, recent, cancellationToken);
            }

            if (claim is not null)
            {
                await claim.CommitAsync(cancellationToken);
            }
        }

        var next = await db.NotificationMessages.Where(m => m.Status == DeliveryStatus.Pending)
            .MinAsync(m => (DateTime?)m.NextAttemptUtc, cancellationToken);
        return next is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// The messages due now, oldest first: a batch on one node; on several, the first one no other node holds,
    /// locked by the caller's transaction (<c>FOR UPDATE SKIP LOCKED</c>).
    /// </summary>
    private static async Task<List<NotificationMessage>> DueAsync(DashboardDbContext db, DateTime now, bool claim, CancellationToken cancellationToken)
    {
        var due = db.NotificationMessages.Include(m => m.Target).Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptUtc <= now);
        if (claim)
        {
            var pending = nameof(DeliveryStatus.Pending);
            var claimed = await db.Database.SqlQuery<long>($"""
                SELECT "Id" AS "Value" FROM "NotificationMessages" WHERE "Status" = {pending} AND "NextAttemptUtc" <= {now}
                ORDER BY "NextAttemptUtc", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            due = due.Where(m => claimed.Contains(m.Id));
        }

        return await due.OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private async Task DeliverAsync(DashboardDbContext db, NotificationMessage message, Dictionary<int, int> recent, CancellationToken cancellationToken)
    {
        var target = message.Target!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!target.IsActive)
        {
            (message.Status, message.FailedUtc, message.LastError) = (DeliveryStatus.Failed, now, TargetDeactivated);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var sentLastMinute = recent.GetValueOrDefault(target.Id);
        if (target.Kind != WebhookKind.Generic && sentLastMinute >= RobotLimitPerMinute)
        {
            message.NextAttemptUtc = now + TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        recent[target.Id] = sentLastMinute + 1;
        var outcome = await SendAsync(target, message, cancellationToken);
        message.Attempts++;
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            MessageId = message.Id, TargetId = target.Id, AttemptedUtc = now, StatusCode = outcome.StatusCode, Succeeded = outcome.Succeeded,
            Error = outcome.Error, DurationMilliseconds = (int)Math.Min(outcome.Duration.TotalMilliseconds, int.MaxValue),
        });
        if (outcome.Succeeded)
        {
            (message.Status, message.DeliveredUtc, message.LastError) = (DeliveryStatus.Delivered, now, null);
        }
        else if (message.Attempts >= RetryPolicy.MaxAttempts)
        {
            (message.Status, message.FailedUtc, message.LastError) = (DeliveryStatus.Failed, now, outcome.Error);
        }
        else
        {
            (message.NextAttemptUtc, message.LastError) = (now + RetryPolicy.WaitAfter(message.Attempts), outcome.Error);
        }

        // Saved per message: what was delivered stays delivered if the next one crashes the process.
        await db.SaveChangesAsync(cancellationToken);
        outbox.OnAttemptRecorded();
    }

    /// <summary>
    /// Any failure of one message is that message's failed attempt (logged, retried, given up in the end),
    /// never the loop's: a message that always throws must not keep the dispatcher from the others.
    /// </summary>
    private async Task<SendOutcome> SendAsync(WebhookTarget target, NotificationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(target, NotificationContent.FromJson(message.PayloadJson), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            MessageFailed(logger, ex, message.Id);
            return new SendOutcome(false, null, ex.GetType().Name, TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {MessageId} could not be sent.")]
    private static partial void MessageFailed(ILogger logger, Exception exception, long messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notifications failed; trying again shortly.")]
    private static partial void DeliveryFailed(ILogger logger, Exception exception);
}
