namespace Dashboard.Core.Plans;

/// <summary>
/// A region's plan as read at one moment: everything a timeline needs to derive phase, next
/// milestone and countdowns from the clock without going back to the database.
/// </summary>
public sealed record RegionPlan(
    string Code,
    LocalizedText Name,
    bool IsRehearsal,
    TimeZoneInfo TimeZone,
    LocalizedText OldSystem,
    LocalizedText NewSystem,
    IReadOnlyList<MilestoneView> Milestones,
    CatchUpDeadline CatchUp)
{
    /// <summary>The notice the plan was entered from; null when nothing is known of it.</summary>
    public PlanSource? Source { get; init; }

    /// <summary>The first stop of any kind: business, settlement or the whole system.</summary>
    public DateTimeOffset? OutageStartsUtc =>
        Milestones.Where(m => m.IsOutageStart).Select(m => (DateTimeOffset?)m.DueUtc).Min();

    public DateTimeOffset? GoLiveUtc =>
        Milestones.Where(m => m.Kind == MilestoneKind.GoLive).Select(m => (DateTimeOffset?)m.DueUtc).Min();

    public PlanPhase PhaseAt(DateTimeOffset now) =>
        PhaseRules.PhaseAt(now, OutageStartsUtc, GoLiveUtc, CatchUp.EndsUtc);

    /// <summary>The first milestone still ahead of <paramref name="now"/>.</summary>
    public MilestoneView? NextMilestoneAt(DateTimeOffset now) =>
        Milestones.FirstOrDefault(m => m.DueUtc > now);

    /// <summary>
    /// The next instant after <paramref name="now"/> at which what the plan shows changes with the clock
    /// (a milestone falls due, a phase begins or ends); null when nothing is left ahead.
    /// </summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset now) =>
        Milestones.Select(m => (DateTimeOffset?)m.DueUtc)
            .Concat(Milestones.Where(m => m.Status is MilestoneStatus.Pending or MilestoneStatus.AtRisk).Select(m => (DateTimeOffset?)m.LateFromUtc))
            .Append(CatchUp.EndsUtc).Where(t => t > now).Min();

    /// <summary>How many milestones show each state at <paramref name="now"/> (states with none are left out).</summary>
    public IReadOnlyDictionary<MilestoneState, int> StateCountsAt(DateTimeOffset now) =>
        Milestones.GroupBy(m => m.StateAt(now)).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Milestones late or missed at <paramref name="now"/>: the plan's trouble.</summary>
    public int LateOrMissedAt(DateTimeOffset now) => Milestones.Count(m => m.StateAt(now) is MilestoneState.Late or MilestoneState.Missed);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZone);

    /// <summary>
    /// Preparation (from the first milestone), outage and catch-up as spans on a time axis.
    /// Phases the plan does not define (no stop, no go-live) are left out.
    /// </summary>
    public IReadOnlyList<PhaseSpan> PhaseSpans()
    {
        var spans = new List<PhaseSpan>();
        var stop = OutageStartsUtc;
        var live = GoLiveUtc;
        var first = Milestones.Count > 0 ? Milestones[0].DueUtc : (DateTimeOffset?)null;
        if (first is { } start && (stop ?? live) is { } prepEnd && start < prepEnd)
        {
            spans.Add(new PhaseSpan(PlanPhase.Preparation, start, prepEnd));
        }

        if (stop is { } outageStart)
        {
            spans.Add(new PhaseSpan(PlanPhase.Outage, outageStart, live));
        }

        if (live is { } catchUpStart)
        {
            spans.Add(new PhaseSpan(PlanPhase.CatchUp, catchUpStart, CatchUp.EndsUtc));
        }

        return spans;
    }
}
