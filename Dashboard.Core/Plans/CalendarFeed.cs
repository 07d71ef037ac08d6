using System.Globalization;
using System.Text;

namespace Dashboard.Core.Plans;

/// <summary>
/// A region's milestones as an iCalendar (RFC 5545) feed people subscribe to. Each milestone keeps
/// its UID and raises SEQUENCE when it changes, so a moved milestone moves in the calendar too.
/// </summary>
public static class CalendarFeed
{
    public static string Build(RegionPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Cutover Dashboard//Milestones//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            $"X-WR-CALNAME:{Escape(plan.Name.Zh)} 医保切换时间节点",
            $"X-WR-TIMEZONE:{plan.TimeZone.Id}",
        };
        var stamp = Utc(now);
        foreach (var milestone in plan.Milestones)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:milestone-{milestone.Id}-{plan.Code}@cutover-dashboard");
            lines.Add($"DTSTAMP:{stamp}");
            lines.Add($"SEQUENCE:{milestone.Version}");
            if (milestone.Precision == MilestonePrecision.Day)
            {
                var day = DateOnly.FromDateTime(plan.ToLocal(milestone.DueUtc).DateTime);
                lines.Add($"DTSTART;VALUE=DATE:{day:yyyyMMdd}");
                lines.Add($"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}");
            }
            else
            {
                lines.Add($"DTSTART:{Utc(milestone.DueUtc)}");
                lines.Add($"DTEND:{Utc(milestone.DueUtc.AddMinutes(30))}");
            }

            var estimated = milestone.IsEstimated ? "（预计）" : "";
            lines.Add($"SUMMARY:{Escape(milestone.Title.Zh + estimated)}");
            lines.Add($"DESCRIPTION:{Escape(string.Join("\n", new[] { milestone.Title.En, milestone.Owner, milestone.Note?.Zh, milestone.StatusNote }.Where(s => !string.IsNullOrWhiteSpace(s))))}");
            lines.Add($"STATUS:{(milestone.IsEstimated ? "TENTATIVE" : "CONFIRMED")}");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (never inside a character).</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                builder.Append("\r\n ");
                octets = 1;
            }

            builder.Append(rune.ToString());
            octets += size;
        }

        builder.Append("\r\n");
    }
}
