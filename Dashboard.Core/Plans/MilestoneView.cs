namespace Dashboard.Core.Plans;

/// <summary>A milestone as pages and the API show it.</summary>
public sealed record MilestoneView(
    int Id,
    MilestoneKind Kind,
    DateTimeOffset DueUtc,
    MilestonePrecision Precision,
    bool IsEstimated,
    bool WrittenAsEndOfDay,
    MilestoneStatus Status,
    string? Owner,
    LocalizedText Title,
    LocalizedText? Note)
{
    /// <summary>The end of a window; null for a single point in time.</summary>
    public DateTimeOffset? EndUtc { get; init; }

    public MilestonePrecision EndPrecision { get; init; }

    public bool EndWrittenAsEndOfDay { get; init; }

    /// <summary>The time depends on something the notice names (<see cref="Condition"/>), beyond an estimate.</summary>
    public bool IsConditional { get; init; }

    public LocalizedText? Condition { get; init; }

    /// <summary>Why it is at risk, missed, or was moved.</summary>
    public string? StatusNote { get; init; }

    public DateTimeOffset? ActualUtc { get; init; }

    /// <summary>The optimistic-concurrency version an edit must name.</summary>
    public long Version { get; init; }

    /// <summary>
    /// When a milestone not done becomes late: its time, or the end of its local day when the notice
    /// gave a date only (a day-only milestone is on time all that day).
    /// </summary>
    public DateTimeOffset LateFromUtc => Precision == MilestonePrecision.Day ? DueUtc.AddDays(1) : DueUtc;

    /// <summary>Still open (pending or at risk) at or after <see cref="LateFromUtc"/>.</summary>
    public bool IsLateAt(DateTimeOffset now) => Status is MilestoneStatus.Pending or MilestoneStatus.AtRisk && now >= LateFromUtc;

    /// <summary>The state to show at <paramref name="now"/>: late wins over pending and at risk.</summary>
    public MilestoneState StateAt(DateTimeOffset now) => IsLateAt(now) ? MilestoneState.Late : (MilestoneState)Status;

    public bool IsOutageStart => Kind.IsOutageStart();
}
