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
            AddWhen(lines, plan, milestone);
            var state = milestone.StateAt(now);
            var summary = Estimated(milestone.Title.Zh, milestone.IsEstimated && state != MilestoneState.Done) + (milestone.IsConditional && state != MilestoneState.Done ? "（有条件）" : "");
            lines.Add($"SUMMARY:{Escape(StatePrefix(state) + summary)}");
            var condition = milestone.Condition is { } c ? $"条件：{c.Zh}" : null;
            var notes = new[] { milestone.Title.En, condition, milestone.Owner, milestone.Note?.Zh, milestone.StatusNote };
            if (milestone.Kind == MilestoneKind.GoLive && plan.CatchUp.MissingCalendarYear is { } year)
            {
                notes = [.. notes, MissingYear(year)];
            }

            lines.Add($"DESCRIPTION:{Escape(string.Join("\n", notes.Where(s => !string.IsNullOrWhiteSpace(s))))}");
            lines.Add($"STATUS:{Status(milestone, state)}");
            lines.Add("END:VEVENT");
        }

        AddCatchUpDeadline(lines, plan, stamp);
        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The last day to catch up, as an all-day event: counted from an expected go-live it is tentative
    /// and says so. Its UID is the region's, so a moved go-live moves the event; SEQUENCE follows the
    /// go-live's version, which rises with every change that can move the deadline. No event when the
    /// deadline cannot be computed: the go-live event says why instead.
    /// </summary>
    private static void AddCatchUpDeadline(List<string> lines, RegionPlan plan, string stamp)
    {
        if (plan.CatchUp.LastDay is not { } lastDay)
        {
            return;
        }

        var goLive = plan.Milestones.FirstOrDefault(m => m.Kind == MilestoneKind.GoLive);
        lines.Add("BEGIN:VEVENT");
        lines.Add($"UID:catch-up-deadline-{plan.Code}@cutover-dashboard");
        lines.Add($"DTSTAMP:{stamp}");
        lines.Add($"SEQUENCE:{goLive?.Version ?? 0}");
        AddWholeDay(lines, lastDay);
        lines.Add($"SUMMARY:{Escape(Estimated("补录截止（最后一天）", plan.CatchUp.IsEstimate))}");
        var rule = plan.CatchUp.RuleKind == CatchUpRuleKind.FixedDate
            ? "固定截止日期"
            : $"新平台上线后 {plan.CatchUp.WorkingDays} 个工作日内（上线当日不计）";
        var description = plan.CatchUp.IsEstimate ? rule + "\n按预计上线时间推算，上线时间变化时截止日期随之变化。" : rule;
        lines.Add($"DESCRIPTION:{Escape(description + "\nCatch-up deadline (last day)")}");
        lines.Add($"STATUS:{(plan.CatchUp.IsEstimate ? "TENTATIVE" : "CONFIRMED")}");
        lines.Add("TRANSP:TRANSPARENT");
        lines.Add("END:VEVENT");
    }

    /// <summary>
    /// A date stays an all-day event and a time a half-hour one; a window spans to its end (all days
    /// when both ends are dates, else as instants, since one event cannot mix the two).
    /// </summary>
    private static void AddWhen(List<string> lines, RegionPlan plan, MilestoneView milestone)
    {
        DateOnly LocalDay(DateTimeOffset utc) => DateOnly.FromDateTime(plan.ToLocal(utc).DateTime);
        if (milestone.EndUtc is { } end)
        {
            if (milestone.Precision == MilestonePrecision.Day && milestone.EndPrecision == MilestonePrecision.Day)
            {
                lines.Add($"DTSTART;VALUE=DATE:{LocalDay(milestone.DueUtc):yyyyMMdd}");
                lines.Add($"DTEND;VALUE=DATE:{LocalDay(end).AddDays(1):yyyyMMdd}");
                return;
            }

            lines.Add($"DTSTART:{Utc(milestone.DueUtc)}");
            lines.Add($"DTEND:{Utc(milestone.EndPrecision == MilestonePrecision.Day ? end.AddDays(1) : end)}");
            return;
        }

        if (milestone.Precision == MilestonePrecision.Day)
        {
            AddWholeDay(lines, LocalDay(milestone.DueUtc));
        }
        else
        {
            lines.Add($"DTSTART:{Utc(milestone.DueUtc)}");
            lines.Add($"DTEND:{Utc(milestone.DueUtc.AddMinutes(30))}");
        }
    }

    private static void AddWholeDay(List<string> lines, DateOnly day)
    {
        lines.Add($"DTSTART;VALUE=DATE:{day:yyyyMMdd}");
        lines.Add($"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}");
    }

    /// <summary>A title with the estimate marker once: titles taken from a notice often say 预计 already.</summary>
    private static string Estimated(string title, bool estimated) =>
        estimated && !title.Contains("预计", StringComparison.Ordinal) ? title + "（预计）" : title;

    /// <summary>What a calendar shows first: a milestone in trouble reads so before its title.</summary>
    private static string StatePrefix(MilestoneState state) => state switch
    {
        MilestoneState.Missed => "【已错过】",
        MilestoneState.Late => "【逾期未完成】",
        MilestoneState.AtRisk => "【有风险】",
        _ => "",
    };

    /// <summary>Missed will not happen as planned; done happened; otherwise an estimate is tentative.</summary>
    private static string Status(MilestoneView milestone, MilestoneState state) => state switch
    {
        MilestoneState.Missed => "CANCELLED",
        MilestoneState.Done => "CONFIRMED",
        _ => milestone.IsEstimated || milestone.IsConditional ? "TENTATIVE" : "CONFIRMED",
    };

    private static string MissingYear(int year) =>
        $"补录截止无法计算：缺少 {year} 年节假日安排\nCatch-up deadline cannot be computed: the {year} holiday calendar is missing";

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
