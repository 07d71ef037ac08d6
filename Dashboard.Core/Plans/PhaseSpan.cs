namespace Dashboard.Core.Plans;

/// <summary>A stretch of time a plan spends in one phase; <see cref="End"/> is null when open-ended.</summary>
public sealed record PhaseSpan(PlanPhase Phase, DateTimeOffset Start, DateTimeOffset? End);
