namespace Dashboard.Core.Notifications;

/// <summary>
/// The first part of an outbox row's event key names what happened; the delivery log shows it by that name.
/// </summary>
public static class NotificationEventKeys
{
    public const string Change = "change";
    public const string Due24Hours = "due24h";
    public const string Due1Hour = "due1h";
    public const string Late = "late";
    public const string Overdue = "overdue";
    public const string Test = "test";

    /// <summary>The event choices a target offers, in the order the admin page lists them, with their key prefixes.</summary>
    public static IReadOnlyList<(NotificationEvents Event, string Prefix)> Choices { get; } =
    [
        (NotificationEvents.MilestoneChanged, Change), (NotificationEvents.Due24Hours, Due24Hours), (NotificationEvents.Due1Hour, Due1Hour),
        (NotificationEvents.BecameLate, Late), (NotificationEvents.OverdueThreshold, Overdue),
    ];

    public static string PrefixOf(string eventKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        var colon = eventKey.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? eventKey : eventKey[..colon];
    }

    public static string For(NotificationEvents single) => Choices.First(c => c.Event == single).Prefix;
}
