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
    /// <summary>Why it is at risk, missed, or was moved.</summary>
    public string? StatusNote { get; init; }

    public DateTimeOffset? ActualUtc { get; init; }

    /// <summary>The optimistic-concurrency version an edit must name.</summary>
    public long Version { get; init; }

    public bool IsOutageStart => Kind is MilestoneKind.BusinessStop or MilestoneKind.SettlementStop or MilestoneKind.SystemStop;
}
