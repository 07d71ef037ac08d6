using System.Globalization;

namespace Dashboard.Core.Notifications;

/// <summary>
/// The time-driven events of a plan at a moment: a milestone due within 24 hours, within 1 hour, or
/// late (逾期未完成, <see cref="MilestoneView.IsLateAt"/>). An open milestone's deadline is
/// <see cref="MilestoneView.LateFromUtc"/> (the end of the day for a date-only one). Each event has a
/// window: due-in-24h from 24 h to 1 h before, due-in-1h the last hour, late the first day after; an
/// event whose window passed unseen (the app was down for days) is not worth sending any more. The key
/// holds the deadline, so a moved milestone is announced again.
/// </summary>
public static class MilestoneClockEvents
{
    public static readonly TimeSpan DayAhead = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourAhead = TimeSpan.FromHours(1);
    public static readonly TimeSpan LateWindow = TimeSpan.FromHours(24);

    public sealed record ClockEvent(NotificationEvents Kind, string Key, MilestoneView Milestone);

    public static IEnumerable<ClockEvent> At(RegionPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var m in plan.Milestones.Where(m => m.Status is MilestoneStatus.Pending or MilestoneStatus.AtRisk))
        {
            var deadline = m.LateFromUtc;
            var ticks = deadline.UtcTicks.ToString(CultureInfo.InvariantCulture);
            if (now >= deadline - DayAhead && now < deadline - HourAhead)
            {
                yield return new ClockEvent(NotificationEvents.Due24Hours, $"{NotificationEventKeys.Due24Hours}:{m.Id}:{ticks}", m);
            }
            else if (now >= deadline - HourAhead && now < deadline)
            {
                yield return new ClockEvent(NotificationEvents.Due1Hour, $"{NotificationEventKeys.Due1Hour}:{m.Id}:{ticks}", m);
            }
            else if (m.IsLateAt(now) && now < deadline + LateWindow)
            {
                yield return new ClockEvent(NotificationEvents.BecameLate, $"{NotificationEventKeys.Late}:{m.Id}:{ticks}", m);
            }
        }
    }

    /// <summary>The next moment after <paramref name="now"/> at which one of the plan's events begins.</summary>
    public static DateTimeOffset? NextAfter(RegionPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Milestones.Where(m => m.Status is MilestoneStatus.Pending or MilestoneStatus.AtRisk)
            .SelectMany(m => new[] { m.LateFromUtc - DayAhead, m.LateFromUtc - HourAhead, m.LateFromUtc })
            .Where(t => t > now).Select(t => (DateTimeOffset?)t).Min();
    }

    public static string EventType(NotificationEvents kind) => kind switch
    {
        NotificationEvents.Due24Hours => NotificationEventTypes.MilestoneDueIn24Hours,
        NotificationEvents.Due1Hour => NotificationEventTypes.MilestoneDueIn1Hour,
        NotificationEvents.BecameLate => NotificationEventTypes.MilestoneLate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a time-driven event."),
    };
}
