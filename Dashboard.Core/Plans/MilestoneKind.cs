namespace Dashboard.Core.Plans;

public enum MilestoneKind
{
    /// <summary>A cut-off for applications or in-flight business before the stop.</summary>
    ApplicationCutoff,
    /// <summary>Agency business (经办) stops; the outage starts for the agency.</summary>
    BusinessStop,
    /// <summary>Real-time settlement stops.</summary>
    SettlementStop,
    /// <summary>The old system stops completely.</summary>
    SystemStop,
    /// <summary>The new platform (or the restored system) is live.</summary>
    GoLive,
    /// <summary>Part of the business resumes before go-live.</summary>
    PartialResume,
    /// <summary>A published deadline for catch-up work.</summary>
    CatchUpDeadline,
    Other,
}

public enum MilestonePrecision
{
    Minute,
    /// <summary>The notice gives a date only: ordered as the start of that day, shown as a date.</summary>
    Day,
}

public enum MilestoneStatus
{
    Pending,
    Done,
    AtRisk,
    Missed,
}

/// <summary>
/// What a milestone shows at a moment: its recorded <see cref="MilestoneStatus"/>, or
/// <see cref="Late"/> (逾期未完成) once its time has passed and nobody marked it done or missed.
/// Late is derived from the clock, never stored.
/// </summary>
public enum MilestoneState
{
    Pending = MilestoneStatus.Pending,
    Done = MilestoneStatus.Done,
    AtRisk = MilestoneStatus.AtRisk,
    Missed = MilestoneStatus.Missed,
    Late,
}

public enum PlanPhase
{
    Preparation,
    Outage,
    CatchUp,
    Closed,
}

public enum CatchUpRuleKind
{
    /// <summary>N working days after go-live (the go-live day itself not counted).</summary>
    WorkingDaysAfterGoLive,
    /// <summary>A fixed last day.</summary>
    FixedDate,
}

public static class MilestoneKinds
{
    /// <summary>A stop of any kind (business, settlement or the whole system): the outage starts at the first one.</summary>
    public static bool IsOutageStart(this MilestoneKind kind) =>
        kind is MilestoneKind.BusinessStop or MilestoneKind.SettlementStop or MilestoneKind.SystemStop;
}
