using System.Collections.Concurrent;

namespace Dashboard.Core.Time;

/// <summary>
/// The one way to the time zone a region's times are read and shown in: its plan's zone. China
/// keeps one civil time (SPEC section 9), so where no plan says otherwise (a list spanning regions,
/// a place whose region has no plan yet) times are Beijing time, never UTC.
/// </summary>
public static class RegionTimeZone
{
    public const string DefaultId = "Asia/Shanghai";

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static TimeZoneInfo Default { get; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultId);

    /// <summary>The zone a plan names (its <c>TimeZoneId</c>), or the default when there is no plan.</summary>
    public static TimeZoneInfo Of(string? timeZoneId) =>
        string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId == DefaultId ? Default : Zones.GetOrAdd(timeZoneId, TimeZoneInfo.FindSystemTimeZoneById);
}
