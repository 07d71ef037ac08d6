using System.Globalization;

namespace Dashboard.Core.Time;

/// <summary>Reads and writes the local date-times a desk types, tolerant of the usual ways of typing them.</summary>
public static class LocalTimeText
{
    public const string Format = "yyyy-MM-dd HH:mm";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy.M.d H:mm", "yyyyMMdd HHmm", "yyyyMMdd HH:mm",
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd",
    ];

    public static bool TryParseToUtc(string? text, TimeZoneInfo timeZone, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) ||
            !DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local))
        {
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone);
        return true;
    }

    public static string? FromUtc(DateTime? utc, TimeZoneInfo timeZone) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), timeZone).ToString(Format, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The stored instant when the typed one is that instant as the form showed it (to the minute): an
    /// edit that leaves a time alone keeps its seconds (imported and API records carry them).
    /// </summary>
    public static DateTime? KeepUnchanged(DateTime? typed, DateTime? stored) =>
        typed is { } value && stored is { } kept && value == kept.AddTicks(-(kept.Ticks % TimeSpan.TicksPerMinute)) ? kept : typed;
}
