namespace Dashboard.Core.Plans;

/// <summary>
/// A plan's phase is derived from its milestones and the clock, never stored: it changes by
/// itself at each boundary, and moving a milestone moves it.
/// </summary>
public static class PhaseRules
{
    public static PlanPhase PhaseAt(
        DateTimeOffset now, DateTimeOffset? outageStarts, DateTimeOffset? goLive, DateTimeOffset? catchUpEnds)
    {
        if (goLive is { } live && now >= live)
        {
            return catchUpEnds is { } end && now >= end ? PlanPhase.Closed : PlanPhase.CatchUp;
        }

        return outageStarts is { } stop && now >= stop ? PlanPhase.Outage : PlanPhase.Preparation;
    }
}
