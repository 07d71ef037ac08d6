namespace Dashboard.Core.Board;

/// <summary>A red / amber / green roll-up; ordered so that worse compares greater.</summary>
public enum Health
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// What is wrong in a region at a moment, and so how it ranks on the board. Red: a milestone late or
/// missed, or records past their deadline. Amber: a milestone at risk, the old system down (in outage),
/// or the deadline unknown because a holiday year is missing. Green: none of these.
/// A plan whose catch-up window has closed is history: its milestones still show their state on the
/// timeline, but only its records still open past their deadline count as trouble.
/// </summary>
public sealed record RegionTrouble(int Late, int Missed, int AtRisk, int OverdueRecords, int OverdueFacilities, bool InOutage, int? MissingCalendarYear)
{
    /// <summary>The catch-up window has closed.</summary>
    public bool IsOver { get; init; }

    public Health Health =>
        Late + Missed > 0 || OverdueRecords > 0 ? Health.Red
        : AtRisk > 0 || InOutage || MissingCalendarYear is not null ? Health.Amber
        : Health.Green;

    public static RegionTrouble At(RegionBoardSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var phase = snapshot.Plan.PhaseAt(now);
        var states = phase == PlanPhase.Closed ? new Dictionary<MilestoneState, int>() : snapshot.Plan.StateCountsAt(now);
        return new RegionTrouble(
            states.GetValueOrDefault(MilestoneState.Late), states.GetValueOrDefault(MilestoneState.Missed), states.GetValueOrDefault(MilestoneState.AtRisk),
            snapshot.Held.Overdue + snapshot.FormsOverdue, snapshot.Facilities.Count(f => f.Overdue > 0),
            phase == PlanPhase.Outage, snapshot.Plan.CatchUp.MissingCalendarYear) { IsOver = phase == PlanPhase.Closed };
    }

    /// <summary>
    /// Regions worst first: red before amber before green; running plans before finished ones; then more
    /// late or missed milestones, more at risk, more overdue records, in outage; rehearsals after real
    /// regions; then by code.
    /// </summary>
    public static IReadOnlyList<RegionBoardSnapshot> WorstFirst(IEnumerable<RegionBoardSnapshot> snapshots, DateTimeOffset now) =>
        [.. snapshots.Select(s => (Snapshot: s, Trouble: At(s, now)))
            .OrderByDescending(x => x.Trouble.Health)
            .ThenBy(x => x.Trouble.IsOver)
            .ThenByDescending(x => x.Trouble.Late + x.Trouble.Missed)
            .ThenByDescending(x => x.Trouble.AtRisk)
            .ThenByDescending(x => x.Trouble.OverdueRecords)
            .ThenByDescending(x => x.Trouble.InOutage)
            .ThenBy(x => x.Snapshot.Plan.IsRehearsal)
            .ThenBy(x => x.Snapshot.Plan.Code, StringComparer.Ordinal)
            .Select(x => x.Snapshot)];
}
