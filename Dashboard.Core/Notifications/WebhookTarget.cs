namespace Dashboard.Core.Notifications;

/// <summary>The kind of receiver: it decides the payload's shape and how the request is signed.</summary>
public enum WebhookKind
{
    /// <summary>A WeCom (企业微信) group robot: markdown message, the key in the URL.</summary>
    WeCom,
    /// <summary>A DingTalk (钉钉) group robot: markdown message, optionally signed with the robot's secret.</summary>
    DingTalk,
    /// <summary>Any other receiver: the documented JSON object.</summary>
    Generic,
}

/// <summary>What a target is told about. Stored as a number (a combination of flags).</summary>
[Flags]
public enum NotificationEvents
{
    None = 0,
    MilestoneChanged = 1,
    Due24Hours = 2,
    Due1Hour = 4,
    BecameLate = 8,
    OverdueThreshold = 16,
    All = MilestoneChanged | Due24Hours | Due1Hour | BecameLate | OverdueThreshold,
}

/// <summary>
/// Where a region's notifications go: a group robot or a generic webhook. Managed by administrators;
/// deactivated, never deleted (its delivery log refers to it).
/// </summary>
public class WebhookTarget : IVersioned
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string Name { get; set; }

    public WebhookKind Kind { get; set; }

    /// <summary>The robot's webhook address; it carries the robot's key, so it is shown masked.</summary>
    public required string Url { get; set; }

    /// <summary>The DingTalk robot's signing secret (加签); never shown back.</summary>
    public string? Secret { get; set; }

    public NotificationEvents Events { get; set; } = NotificationEvents.All;

    /// <summary>A facility's overdue count that, when reached from below, is reported.</summary>
    public int OverdueThreshold { get; set; } = 10;

    public bool IsActive { get; set; } = true;


    public long Version { get; set; }

    public bool Wants(NotificationEvents events) => IsActive && (Events & events) == events;
}
