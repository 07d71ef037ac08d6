using System.Globalization;

namespace Dashboard.Core.Time;

/// <summary>A milestone's local time as the notice wrote it: a date, a time, or "24:00" of the day before.</summary>
public static class MilestoneTimeText
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    public static string Format(DateTimeOffset dueUtc, MilestonePrecision precision, bool writtenAsEndOfDay, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(dueUtc, timeZone);
        if (precision == MilestonePrecision.Day)
        {
            return local.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return writtenAsEndOfDay
            ? local.AddDays(-1).ToString(DateFormat, CultureInfo.InvariantCulture) + " 24:00"
            : local.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
    }

    public static string Format(MilestoneView milestone, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return Format(milestone.DueUtc, milestone.Precision, milestone.WrittenAsEndOfDay, timeZone);
    }

    /// <summary>The end of a window as the notice wrote it, or null for a single point in time.</summary>
    public static string? FormatEnd(MilestoneView milestone, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.EndUtc is { } end ? Format(end, milestone.EndPrecision, milestone.EndWrittenAsEndOfDay, timeZone) : null;
    }

    /// <summary>A point as written, or a window as "start – end".</summary>
    public static string FormatSpan(MilestoneView milestone, TimeZoneInfo timeZone) =>
        FormatEnd(milestone, timeZone) is { } end ? $"{Format(milestone, timeZone)} – {end}" : Format(milestone, timeZone);
}
