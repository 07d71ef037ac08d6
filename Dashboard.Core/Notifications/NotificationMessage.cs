namespace Dashboard.Core.Notifications;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    /// <summary>Given up after the last retry, or the target was deactivated first.</summary>
    Failed,
}

/// <summary>
/// One notification for one target: the outbox row. Its event key is unique per target, so an event
/// derived again (after a restart, on the next scan) is never queued twice.
/// </summary>
public class NotificationMessage
{
    public long Id { get; set; }

    public int TargetId { get; set; }

    public WebhookTarget? Target { get; set; }

    /// <summary>What happened, as a stable key: <c>late:42:638712345600000000</c>, <c>change:1234</c>.</summary>
    public required string EventKey { get; set; }

    /// <summary>The <see cref="NotificationContent"/> as JSON: the generic payload, and what robots' text is made from.</summary>
    public required string PayloadJson { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? DeliveredUtc { get; set; }

    public DateTime? FailedUtc { get; set; }

    public string? LastError { get; set; }
}

/// <summary>One try to deliver a message: the delivery log administrators read.</summary>
public class DeliveryAttempt
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public NotificationMessage? Message { get; set; }

    public int TargetId { get; set; }

    public DateTime AttemptedUtc { get; set; }

    /// <summary>The HTTP status, or null when no answer came (timeout, refused connection).</summary>
    public int? StatusCode { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>Why it failed: the robot's errcode and errmsg, the HTTP status, or the network error.</summary>
    public string? Error { get; set; }

    public int DurationMilliseconds { get; set; }
}

/// <summary>The producer's durable state: how far it has read the audit trail.</summary>
public class NotificationCursor
{
    public int Id { get; set; }

    public long LastAuditEventId { get; set; }
}

/// <summary>Whether a facility's overdue count was at or over a target's threshold at the last scan: reported once per crossing.</summary>
public class OverdueWatch
{
    public int TargetId { get; set; }

    public int FacilityId { get; set; }

    public bool IsAbove { get; set; }
}
