using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Notifications;

/// <summary>The event names of the generic payload's <c>event</c> field.</summary>
public static class NotificationEventTypes
{
    public const string MilestoneChanged = "milestoneChanged";
    public const string MilestoneDueIn24Hours = "milestoneDueIn24h";
    public const string MilestoneDueIn1Hour = "milestoneDueIn1h";
    public const string MilestoneLate = "milestoneLate";
    public const string FacilityOverdue = "facilityOverdueThreshold";
    public const string Test = "test";
}

public sealed record RegionPart(string Code, string Name, string NameEn);

/// <summary>A milestone as the notice wrote it: local time text ("2021-11-30 24:00" or a date), 预计 kept.</summary>
public sealed record MilestonePart(int Id, string Title, string TitleEn, string LocalTime, bool Estimated, MilestoneState State)
{
    /// <summary>For a move: the time it had before.</summary>
    public string? PreviousLocalTime { get; init; }
}

/// <summary>Who changed a milestone (staff, by display name) and how (an audit action).</summary>
public sealed record ChangePart(string Action, string By);

public sealed record FacilityPart(int Id, string Name, int Overdue, int Outstanding, int Threshold);

/// <summary>
/// What a notification says, and the generic webhook's JSON body. It carries no personal data:
/// region, milestone, facility names and counts only (no patient, no ID number, no phone).
/// </summary>
public sealed record NotificationContent(string Event, DateTimeOffset OccurredUtc, RegionPart Region)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public MilestonePart? Milestone { get; init; }

    public ChangePart? Change { get; init; }

    public FacilityPart? Facility { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NotificationContent FromJson(string json) =>
        JsonSerializer.Deserialize<NotificationContent>(json, Json) ?? throw new JsonException("An empty notification payload.");
}
