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
    public bool IsOutageStart => Kind is MilestoneKind.BusinessStop or MilestoneKind.SettlementStop or MilestoneKind.SystemStop;
}
