using System.Globalization;
namespace Dashboard.Core.Plans;

/// <summary>
/// Reads a notice's local time as written: "2021-11-29" (a date: day precision),
/// "2021-11-30 18:00", or "2021-10-30 24:00" (the end of that day).
/// </summary>
public static class MilestoneTimeParser
{
    public static (DateTime DueUtc, MilestonePrecision Precision, bool WrittenAsEndOfDay) Parse(string local, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(local);
        var parts = local.Split(' ', 2, StringSplitOptions.TrimEntries);
        var date = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (parts.Length == 1)
        {
            return (ToUtc(date.ToDateTime(TimeOnly.MinValue), timeZone), MilestonePrecision.Day, false);
        }

        if (parts[1] == "24:00")
        {
            return (ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZone), MilestonePrecision.Minute, true);
        }

        var time = TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture);
        return (ToUtc(date.ToDateTime(time), timeZone), MilestonePrecision.Minute, false);
    }

    /// <summary>False for text that is not one of the written forms (nothing is thrown at the caller).</summary>
    public static bool TryParse(string? local, TimeZoneInfo timeZone, out (DateTime DueUtc, MilestonePrecision Precision, bool WrittenAsEndOfDay) parsed)
    {
        parsed = default;
        try
        {
            parsed = Parse(local?.Trim() ?? "", timeZone);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone);
}
