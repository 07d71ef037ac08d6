namespace Dashboard.Core.Readiness;

public enum ReadinessStage
{
    /// <summary>Before the stop: in-flight business cleared, staff briefed, paper forms stocked.</summary>
    BeforeStop,
    /// <summary>After go-live: the first settlement on the new platform succeeded.</summary>
    AfterGoLive,
}

/// <summary>A facility's confirmation of its checklist for one stage. Append-only: the latest counts.</summary>
public class ReadinessCheckIn
{
    public int Id { get; set; }

    public int FacilityId { get; set; }

    public int RegionId { get; set; }

    public ReadinessStage Stage { get; set; }

    public bool InFlightCleared { get; set; }

    public bool StaffBriefed { get; set; }

    public bool FormsStocked { get; set; }

    public bool FirstSettlementSucceeded { get; set; }

    public string? Note { get; set; }

    public required string ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Every item of the stage's checklist is confirmed.</summary>
    public bool IsComplete => Stage == ReadinessStage.BeforeStop ? InFlightCleared && StaffBriefed && FormsStocked : FirstSettlementSucceeded;
}
