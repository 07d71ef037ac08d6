using Dashboard.Core.Calendar;

namespace Dashboard.Core.Plans;

/// <summary>Computes the end of a plan's catch-up window from its rule and the working-day calendar.</summary>
public sealed class CatchUpDeadlineCalculator(WorkingDayCalendar calendar)
{
    public CatchUpDeadline Compute(CutoverPlan plan, MilestoneView? goLive, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new CatchUpDeadline(plan.CatchUpRuleKind, plan.CatchUpWorkingDays, plan.CatchUpRuleFromNotice, null, null, null)
        {
            IsEstimate = plan.CatchUpRuleKind == CatchUpRuleKind.WorkingDaysAfterGoLive && goLive is { IsEstimated: true },
        };
        try
        {
            var lastDay = LastDay(plan, goLive, timeZone);
            return lastDay is { } day ? result with { LastDay = day, EndsUtc = EndOfDayUtc(day, timeZone) } : result;
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

    /// <summary>The first instant after <paramref name="day"/> in the given zone, in UTC.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day, TimeZoneInfo timeZone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nextMidnight, timeZone), TimeSpan.Zero);
    }

    private DateOnly? LastDay(CutoverPlan plan, MilestoneView? goLive, TimeZoneInfo timeZone) => plan.CatchUpRuleKind switch
    {
        CatchUpRuleKind.FixedDate => plan.CatchUpFixedDate,
        CatchUpRuleKind.WorkingDaysAfterGoLive when goLive is not null && plan.CatchUpWorkingDays is { } days =>
            calendar.AddWorkingDays(GoLiveDay(goLive, timeZone), days),
        _ => null,
    };
}
