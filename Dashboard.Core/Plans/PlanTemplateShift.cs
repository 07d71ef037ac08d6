using System.Globalization;
using Dashboard.Core.Time;

namespace Dashboard.Core.Plans;

/// <summary>
/// Moves a template plan's milestones to a new region. The template's first stop (its anchor) takes
/// the new time exactly as typed; every other milestone moves by the same number of calendar days
/// and keeps what the notice meant: a date stays a date, a time of day stays that time, "24:00"
/// stays 24:00. Shifting instants instead would carry the anchor's time of day into every other
/// milestone (a day-only milestone landing at 18:00, a "24:00" flag on an 18:00 stop).
/// </summary>
public static class PlanTemplateShift
{
    /// <summary>The template's first stop of any kind (business, settlement or system), as phases use it.</summary>
    public static Milestone? AnchorOf(IEnumerable<Milestone> milestones) =>
        milestones.Where(m => !m.IsRemoved && m.Kind.IsOutageStart()).OrderBy(m => m.DueUtc).FirstOrDefault();

    /// <summary>Calendar days from the anchor's written date to the new written date.</summary>
    public static int DaysFrom(Milestone anchor, string newAnchorLocal, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(newAnchorLocal);
        return WrittenDate(newAnchorLocal.Trim()).DayNumber - WrittenDate(Written(anchor, zone)).DayNumber;
    }

    /// <summary>A copy of <paramref name="template"/> moved by <paramref name="days"/>, as an estimate to confirm.</summary>
    public static Milestone Shift(Milestone template, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(template);
        var copy = Copy(template, MilestoneTimeParser.Parse(ShiftWritten(Written(template, zone), days), zone));
        ShiftEnd(copy, days, zone);
        return copy;
    }

    /// <summary>A copy of the anchor at the new time, with the precision the new time was written in; a window's end moves by the same days.</summary>
    public static Milestone MoveAnchor(Milestone anchor, string newAnchorLocal, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var days = DaysFrom(anchor, newAnchorLocal, zone);
        var copy = Copy(anchor, MilestoneTimeParser.Parse(newAnchorLocal.Trim(), zone));
        ShiftEnd(copy, days, zone);
        return copy;
    }

    /// <summary>Moves a window's end by whole days, keeping how it was written; nothing for a single point in time.</summary>
    public static void ShiftEnd(Milestone m, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.EndUtc is { } end)
        {
            var written = MilestoneTimeText.Format(new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)), m.EndPrecision, m.EndWrittenAsEndOfDay, zone);
            (m.EndUtc, m.EndPrecision, m.EndWrittenAsEndOfDay) = MilestoneTimeParser.Parse(ShiftWritten(written, days), zone);
        }
    }

    private static Milestone Copy(Milestone m, (DateTime DueUtc, MilestonePrecision Precision, bool WrittenAsEndOfDay) time) => new()
    {
        Kind = m.Kind, DueUtc = time.DueUtc, Precision = time.Precision, WrittenAsEndOfDay = time.WrittenAsEndOfDay, IsEstimated = true,
        EndUtc = m.EndUtc, EndPrecision = m.EndPrecision, EndWrittenAsEndOfDay = m.EndWrittenAsEndOfDay,
        IsConditional = m.IsConditional, ConditionZh = m.ConditionZh, ConditionEn = m.ConditionEn,
        Status = MilestoneStatus.Pending, Owner = m.Owner, TitleZh = m.TitleZh, TitleEn = m.TitleEn, NoteZh = m.NoteZh, NoteEn = m.NoteEn,
    };

    private static string ShiftWritten(string written, int days) =>
        WrittenDate(written).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + written[10..];

    private static string Written(Milestone m, TimeZoneInfo zone) =>
        MilestoneTimeText.Format(new DateTimeOffset(DateTime.SpecifyKind(m.DueUtc, DateTimeKind.Utc)), m.Precision, m.WrittenAsEndOfDay, zone);

    private static DateOnly WrittenDate(string written) =>
        DateOnly.ParseExact(written[..Math.Min(10, written.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
