using Dashboard.Core.Calendar;

namespace Dashboard.Core.Plans;

/// <summary>
/// Computes the end of a plan's catch-up window from its rule and a working-day calendar: the region's
/// own (<see cref="RegionCalendars"/>, as <see cref="CutoverPlanService"/> passes it), or the official one.
/// </summary>
public sealed class CatchUpDeadlineCalculator(WorkingDayCalendar official)
{
    /// <summary>The deadline under the official calendar alone, for a plan of no region's (templates, seeds).</summary>
    public CatchUpDeadline Compute(CutoverPlan plan, MilestoneView? goLive, TimeZoneInfo timeZone) => Compute(plan, goLive, timeZone, official);

    public CatchUpDeadline Compute(CutoverPlan plan, MilestoneView? goLive, TimeZoneInfo timeZone, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        var result = new CatchUpDeadline(plan.CatchUpRuleKind, plan.CatchUpWorkingDays, plan.CatchUpRuleFromNotice, null, null, null)
        {
            IsEstimate = plan.CatchUpRuleKind == CatchUpRuleKind.WorkingDaysAfterGoLive && goLive is { IsEstimated: true },
        };
        try
        {
            var lastDay = LastDay(plan, goLive, timeZone, calendar);
            return lastDay is { } day
                ? result with { LastDay = day, EndsUtc = EndOfDayUtc(day, timeZone), LocalAdjustments = LocalAdjustments(plan, goLive, timeZone, calendar, day) }
                : result;
        }
        catch (CalendarYearMissingException ex)
        {
            return result with { MissingCalendarYear = ex.Year };
        }
    }

    /// <summary>
    /// The day the counting starts from (not itself counted). A time written as "24:00" belongs
    /// to the day it ends, so restoration at 2020-09-20 24:00 counts from 2020-09-20.
    /// </summary>
    public static DateOnly GoLiveDay(MilestoneView goLive, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(goLive);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(goLive.DueUtc, timeZone).DateTime);
        return goLive.WrittenAsEndOfDay ? local.AddDays(-1) : local;
    }

    /// <summary>
    /// The last day a deadline leaves: a deadline is stored as the end instant of its last day (24:00,
    /// i.e. 00:00 of the next), so that day is the local date just before it. The inverse of <see cref="EndOfDayUtc"/>.
    /// </summary>
    public static DateOnly LastDayOf(DateTime deadlineUtc, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(deadlineUtc, DateTimeKind.Utc).AddTicks(-1), timeZone));

    /// <summary>The first instant after <paramref name="day"/> in the given zone, in UTC.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day, TimeZoneInfo timeZone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nextMidnight, timeZone), TimeSpan.Zero);
    }

    private static int LocalAdjustments(CutoverPlan plan, MilestoneView? goLive, TimeZoneInfo timeZone, WorkingDayCalendar calendar, DateOnly lastDay) =>
        plan.CatchUpRuleKind == CatchUpRuleKind.WorkingDaysAfterGoLive && goLive is not null
            ? calendar.AdjustedDaysBetween(GoLiveDay(goLive, timeZone), lastDay)
            : 0;

    private static DateOnly? LastDay(CutoverPlan plan, MilestoneView? goLive, TimeZoneInfo timeZone, WorkingDayCalendar calendar) => plan.CatchUpRuleKind switch
    {
        CatchUpRuleKind.FixedDate => plan.CatchUpFixedDate,
        CatchUpRuleKind.WorkingDaysAfterGoLive when goLive is not null && plan.CatchUpWorkingDays is { } days =>
            calendar.AddWorkingDays(GoLiveDay(goLive, timeZone), days),
        _ => null,
    };
}
