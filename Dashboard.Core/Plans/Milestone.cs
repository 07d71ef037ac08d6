namespace Dashboard.Core.Plans;

/// <summary>A dated cut-off or event of a cutover plan.</summary>
public class Milestone : IVersioned
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public CutoverPlan? Plan { get; set; }

    public MilestoneKind Kind { get; set; }

    /// <summary>The instant in UTC. For day precision, the start of the local day.</summary>
    public DateTime DueUtc { get; set; }

    public MilestonePrecision Precision { get; set; }

    /// <summary>The notice says "expected" (预计): an estimate that may slip.</summary>
    public bool IsEstimated { get; set; }

    /// <summary>The notice wrote the time as 24:00 of the previous day; shown the same way.</summary>
    public bool WrittenAsEndOfDay { get; set; }

    /// <summary>The end of a window ("9月10日至9月17日暂停"); null for a single point in time. Read like <see cref="DueUtc"/>.</summary>
    public DateTime? EndUtc { get; set; }

    public MilestonePrecision EndPrecision { get; set; }

    public bool EndWrittenAsEndOfDay { get; set; }

    /// <summary>
    /// The notice makes the time depend on something ("省级验收通过后", "视情况提前或推迟"): more than
    /// an estimate, which only says the date may slip.
    /// </summary>
    public bool IsConditional { get; set; }

    /// <summary>What the time depends on, as the notice says it.</summary>
    public string? ConditionZh { get; set; }

    public string? ConditionEn { get; set; }

    public MilestoneStatus Status { get; set; }

    public string? Owner { get; set; }

    public required string TitleZh { get; set; }

    public required string TitleEn { get; set; }

    public string? NoteZh { get; set; }

    public string? NoteEn { get; set; }

    /// <summary>When it actually happened, recorded when marked done.</summary>
    public DateTime? ActualUtc { get; set; }

    /// <summary>Why it is at risk or missed.</summary>
    public string? StatusNote { get; set; }

    /// <summary>Taken out of the plan; kept for the audit trail and never deleted.</summary>
    public bool IsRemoved { get; set; }

    public long Version { get; set; }
}
