namespace Dashboard.Core.Plans;

/// <summary>
/// The end of a plan's catch-up window, computed from its rule. <see cref="EndsUtc"/> is the end of
/// <see cref="LastDay"/> in the region's time zone. Null values say why it could not be computed.
/// </summary>
public sealed record CatchUpDeadline(
    CatchUpRuleKind RuleKind,
    int? WorkingDays,
    bool FromNotice,
    DateOnly? LastDay,
    DateTimeOffset? EndsUtc,
    int? MissingCalendarYear)
{
    public bool IsKnown => EndsUtc is not null;

    /// <summary>
    /// Counted in working days from a go-live the notice only expects (预计): the deadline is an
    /// estimate too and moves when go-live does. A fixed date is firm whatever go-live does.
    /// </summary>
    public bool IsEstimate { get; init; }

    /// <summary>How many days of the counted window the region's local calendar adjustments turned around (0: the official calendar alone).</summary>
    public int LocalAdjustments { get; init; }
}
