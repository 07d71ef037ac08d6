using System.Globalization;
using Dashboard.Core.Plans;
using Dashboard.Core.Time;
using Microsoft.Extensions.Localization;

namespace Dashboard.Time;

/// <summary>Turns instants and durations into the text people read on the timeline.</summary>
public sealed class TimeTextFormatter(IStringLocalizer<SharedResource> localizer)
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>The countdown's text with its four places ({0} days, {1} hours, {2} minutes, {3} seconds), for the browser to fill in.</summary>
    public string CountdownFormat => localizer["Countdown_Format"].Value;

    /// <summary>"2 天 03 时 04 分 05 秒"; never negative.</summary>
    public string Countdown(TimeSpan remaining)
    {
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        return localizer["Countdown_Format", remaining.Days, remaining.Hours.ToString("00", CultureInfo.InvariantCulture),
            remaining.Minutes.ToString("00", CultureInfo.InvariantCulture), remaining.Seconds.ToString("00", CultureInfo.InvariantCulture)];
    }

    /// <summary>"3 天后", "2 天前", "刚刚": how far <paramref name="target"/> is from now.</summary>
    public string Relative(DateTimeOffset target, DateTimeOffset now)
    {
        var difference = target - now;
        var distance = difference.Duration();
        if (distance < TimeSpan.FromMinutes(1))
        {
            return localizer["Relative_Now"];
        }

        var amount = distance switch
        {
            { TotalHours: < 1 } => localizer["Unit_Minutes", (int)distance.TotalMinutes],
            { TotalDays: < 1 } => localizer["Unit_Hours", (int)distance.TotalHours],
            { TotalDays: < 60 } => localizer["Unit_Days", (int)distance.TotalDays],
            { TotalDays: < 730 } => localizer["Unit_Months", (int)Math.Round(distance.TotalDays / 30.44)],
            _ => localizer["Unit_Years", (int)Math.Round(distance.TotalDays / 365.25)],
        };
        return localizer[difference > TimeSpan.Zero ? "Relative_Future" : "Relative_Past", amount.Value];
    }

    /// <summary>A milestone's local time as the notice wrote it: a date, a time, or "24:00".</summary>
    public static string MilestoneTime(MilestoneView milestone, TimeZoneInfo timeZone) => MilestoneTimeText.Format(milestone, timeZone);

    /// <summary>The same from a milestone's stored parts (as an audit snapshot keeps them).</summary>
    public static string MilestoneTime(DateTimeOffset dueUtc, MilestonePrecision precision, bool writtenAsEndOfDay, TimeZoneInfo timeZone) =>
        MilestoneTimeText.Format(dueUtc, precision, writtenAsEndOfDay, timeZone);

    public static string LocalDateTime(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTime(instant, timeZone).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static string LocalDate(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTime(instant, timeZone).ToString(DateFormat, CultureInfo.InvariantCulture);
}
