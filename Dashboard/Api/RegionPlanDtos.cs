using Dashboard.Core.Plans;

namespace Dashboard.Api;

/// <summary>Public JSON shapes. Times carry the region's offset, for example 2021-11-30T18:00:00+08:00.</summary>
public sealed record TextDto(string Zh, string En)
{
    public static TextDto From(LocalizedText text) => new(text.Zh, text.En);
}

public sealed record RegionSummaryDto(
    string Code,
    TextDto Name,
    bool IsRehearsal,
    string TimeZone,
    PlanPhase Phase,
    DateTimeOffset? OutageStarts,
    DateTimeOffset? GoLive,
    DateTimeOffset? CatchUpDeadline,
    MilestoneDto? NextMilestone);

public sealed record MilestoneDto(
    int Id,
    MilestoneKind Kind,
    DateTimeOffset Time,
    MilestonePrecision Precision,
    bool IsEstimated,
    bool WrittenAsEndOfDay,
    MilestoneStatus Status,
    string? Owner,
    TextDto Title,
    TextDto? Note)
{
    /// <summary>What the milestone shows at the time of the request: its status, or Late once its time passed and it is not done.</summary>
    public MilestoneState State { get; init; }

    /// <summary>The end of a window ("09-10 to 09-17 suspended"), read like <see cref="Time"/>; null for a single point in time.</summary>
    public WindowEndDto? End { get; init; }

    /// <summary>The notice makes the time depend on something (<see cref="Condition"/>), beyond an estimate.</summary>
    public bool IsConditional { get; init; }

    public TextDto? Condition { get; init; }
}

public sealed record WindowEndDto(DateTimeOffset Time, MilestonePrecision Precision, bool WrittenAsEndOfDay);

public sealed record CatchUpDto(
    CatchUpRuleKind Rule,
    int? WorkingDays,
    bool FromNotice,
    DateOnly? LastDay,
    DateTimeOffset? Deadline,
    int? MissingCalendarYear,
    bool IsEstimate);

public sealed record PlanDto(
    string Code,
    TextDto Name,
    bool IsRehearsal,
    string TimeZone,
    TextDto OldSystem,
    TextDto NewSystem,
    PlanPhase Phase,
    CatchUpDto CatchUp,
    IReadOnlyList<MilestoneDto> Milestones)
{
    /// <summary>The notice the plan was entered from; null when nothing is known of it.</summary>
    public SourceDto? Source { get; init; }
}

/// <summary>The source notice: title, issuer (发文单位), document number (文号), publication date and link.</summary>
public sealed record SourceDto(string? Title, string? Issuer, string? DocumentNumber, DateOnly? PublishedOn, string? Url)
{
    public static SourceDto? From(PlanSource? source) =>
        source is null ? null : new(source.Title, source.Issuer, source.DocumentNumber, source.PublishedOn, source.Url);
}

internal static class RegionPlanDtoMapper
{
    public static RegionSummaryDto ToSummary(this RegionPlan plan, DateTimeOffset now) => new(
        plan.Code,
        TextDto.From(plan.Name),
        plan.IsRehearsal,
        plan.TimeZone.Id,
        plan.PhaseAt(now),
        Local(plan, plan.OutageStartsUtc),
        Local(plan, plan.GoLiveUtc),
        Local(plan, plan.CatchUp.EndsUtc),
        plan.NextMilestoneAt(now) is { } next ? ToDto(plan, next, now) : null);

    public static PlanDto ToPlan(this RegionPlan plan, DateTimeOffset now) => new(
        plan.Code,
        TextDto.From(plan.Name),
        plan.IsRehearsal,
        plan.TimeZone.Id,
        TextDto.From(plan.OldSystem),
        TextDto.From(plan.NewSystem),
        plan.PhaseAt(now),
        new CatchUpDto(plan.CatchUp.RuleKind, plan.CatchUp.WorkingDays, plan.CatchUp.FromNotice, plan.CatchUp.LastDay,
            Local(plan, plan.CatchUp.EndsUtc), plan.CatchUp.MissingCalendarYear, plan.CatchUp.IsEstimate),
        [.. plan.Milestones.Select(m => ToDto(plan, m, now))])
    {
        Source = SourceDto.From(plan.Source),
    };

    private static MilestoneDto ToDto(RegionPlan plan, MilestoneView m, DateTimeOffset now) => new(
        m.Id, m.Kind, plan.ToLocal(m.DueUtc), m.Precision, m.IsEstimated, m.WrittenAsEndOfDay, m.Status, m.Owner,
        TextDto.From(m.Title), m.Note is null ? null : TextDto.From(m.Note))
    {
        State = m.StateAt(now),
        End = m.EndUtc is { } end ? new WindowEndDto(plan.ToLocal(end), m.EndPrecision, m.EndWrittenAsEndOfDay) : null,
        IsConditional = m.IsConditional,
        Condition = m.Condition is null ? null : TextDto.From(m.Condition),
    };

    private static DateTimeOffset? Local(RegionPlan plan, DateTimeOffset? utc) => utc is { } value ? plan.ToLocal(value) : null;
}
