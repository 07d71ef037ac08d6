using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Notifications;

/// <summary>An event for one target, before it is in the outbox.</summary>
public sealed record QueuedNotification(int TargetId, string EventKey, NotificationContent Content);

/// <summary>
/// Puts notifications into the outbox table, skipping any whose key the target already has, and wakes
/// the dispatcher once they are saved. Nothing here sends: a caller's save never waits for a receiver.
/// </summary>
public sealed partial class NotificationOutbox(TimeProvider clock, ILogger<NotificationOutbox> logger)
{
    /// <summary>Set when messages were queued; the dispatcher waits on it.</summary>
    public WakeSignal Queued { get; } = new();

    /// <summary>Raised after a delivery attempt is recorded, for open delivery logs.</summary>
    public event Action? AttemptRecorded;

    /// <summary>Adds the new ones to the context (the caller saves, with whatever else it changes); returns how many.</summary>
    public async Task<int> AddAsync(DashboardDbContext db, IReadOnlyCollection<QueuedNotification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notifications);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var forTarget in notifications.GroupBy(n => n.TargetId))
        {
            var keys = forTarget.Select(n => n.EventKey).Distinct().ToList();
            var existing = (await db.NotificationMessages
                .Where(m => m.TargetId == forTarget.Key && keys.Contains(m.EventKey))
                .Select(m => m.EventKey).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var notification in forTarget.DistinctBy(n => n.EventKey).Where(n => !existing.Contains(n.EventKey)))
            {
                db.NotificationMessages.Add(new NotificationMessage
                {
                    TargetId = notification.TargetId,
                    EventKey = notification.EventKey,
                    PayloadJson = notification.Content.ToJson(),
                    CreatedUtc = now,
                    NextAttemptUtc = now,
                    Status = DeliveryStatus.Pending,
                });
                added++;
            }
        }

        return added;
    }

    /// <summary>Tells every open log; one that fails (a closing circuit) is logged and keeps neither the others nor the dispatcher waiting.</summary>
    internal void OnAttemptRecorded()
    {
        foreach (var listener in AttemptRecorded?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                listener();
            }
            catch (Exception ex)
            {
                ListenerFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery log failed to take a new attempt.")]
    private static partial void ListenerFailed(ILogger logger, Exception exception);
}
