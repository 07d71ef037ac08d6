namespace Dashboard.Core.Notifications;

/// <summary>A target as the admin page lists it: the URL masked, the secret only as "set".</summary>
public sealed record WebhookTargetRow(
    int Id,
    int RegionId,
    LocalizedText RegionName,
    string Name,
    WebhookKind Kind,
    string MaskedUrl,
    bool HasSecret,
    NotificationEvents Events,
    int OverdueThreshold,
    bool IsActive,
    long Version);

/// <summary>What an administrator enters for a target. On an edit, an empty URL or secret keeps the saved one.</summary>
public sealed class WebhookTargetInput
{
    public int RegionId { get; set; }

    public string Name { get; set; } = "";

    public WebhookKind Kind { get; set; }

    public string? Url { get; set; }

    public string? Secret { get; set; }

    public NotificationEvents Events { get; set; } = NotificationEvents.All;

    public int OverdueThreshold { get; set; } = 10;
}

/// <summary>One line of the delivery log: an attempt, with the message's state now.</summary>
public sealed record DeliveryLogRow(
    long AttemptId,
    DateTime AttemptedUtc,
    string TargetName,
    LocalizedText RegionName,
    string EventKey,
    bool Succeeded,
    int? StatusCode,
    string? Error,
    int DurationMilliseconds,
    DeliveryStatus MessageStatus,
    int Attempts,
    DateTime? NextAttemptUtc);
