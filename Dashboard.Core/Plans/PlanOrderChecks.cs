using Dashboard.Core.Calendar;
using Dashboard.Core.Time;

namespace Dashboard.Core.Plans;

/// <summary>
/// What a notice cannot mean: a go-live before the stop is refused wherever a plan is written. What
/// it rarely means (a stop on a public holiday, an outage over <see cref="LongOutageDays"/> days) is
/// only a warning shown with the plan, since real notices do both now and then.
/// </summary>
public static class PlanOrderChecks
{
    public const string GoLiveBeforeStop = "Plan_GoLiveBeforeStop";
    public const string StopOnHoliday = "Plan_StopOnHoliday";
    public const string LongOutage = "Plan_LongOutage";
    public const int LongOutageDays = 60;

    /// <summary>The refusal for an impossible order, or null.</summary>
    public static Message? Refusal(IEnumerable<MilestoneView> milestones, TimeZoneInfo zone)
    {
        var (stop, goLive) = StopAndGoLive(milestones);
        // A date-only go-live may be any time that day, so it is too early only if the whole day is.
        return stop is not null && goLive is not null && goLive.LateFromUtc <= stop.DueUtc
            ? new Message(GoLiveBeforeStop, MilestoneTimeText.Format(goLive, zone), MilestoneTimeText.Format(stop, zone))
            : null;
    }

    public static IReadOnlyList<Message> Warnings(RegionPlan plan, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        var warnings = new List<Message>();
        foreach (var stop in plan.Milestones.Where(m => m.IsOutageStart))
        {
            // "24:00" is written on the day before the instant: that written day is the one people plan around.
            var written = MilestoneTimeText.Format(stop, plan.TimeZone);
            if (calendar.IsPublicHoliday(DateOnly.ParseExact(written[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            {
                warnings.Add(new Message(StopOnHoliday, written));
            }
        }

        var (first, goLive) = StopAndGoLive(plan.Milestones);
        if (first is not null && goLive is not null && (goLive.DueUtc - first.DueUtc).TotalDays > LongOutageDays)
        {
            warnings.Add(new Message(LongOutage, ((int)(goLive.DueUtc - first.DueUtc).TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture),
                LongOutageDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return warnings;
    }

    private static (MilestoneView? FirstStop, MilestoneView? GoLive) StopAndGoLive(IEnumerable<MilestoneView> milestones)
    {
        var list = milestones as IReadOnlyCollection<MilestoneView> ?? [.. milestones];
        return (list.Where(m => m.IsOutageStart).MinBy(m => m.DueUtc), list.Where(m => m.Kind == MilestoneKind.GoLive).MinBy(m => m.DueUtc));
    }
}
