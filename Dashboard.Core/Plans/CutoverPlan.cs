namespace Dashboard.Core.Plans;

/// <summary>A region's switch from its old system to the new platform: milestones and catch-up rule.</summary>
public class CutoverPlan : IVersioned
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string OldSystemNameZh { get; set; }

    public required string OldSystemNameEn { get; set; }

    public required string NewSystemNameZh { get; set; }

    public required string NewSystemNameEn { get; set; }

    /// <summary>IANA time zone of the region; local times are shown in it.</summary>
    public string TimeZoneId { get; set; } = RegionTimeZone.DefaultId;

    public CatchUpRuleKind CatchUpRuleKind { get; set; }

    /// <summary>For <see cref="CatchUpRuleKind.WorkingDaysAfterGoLive"/>.</summary>
    public int? CatchUpWorkingDays { get; set; }

    /// <summary>For <see cref="CatchUpRuleKind.FixedDate"/>: the last local day.</summary>
    public DateOnly? CatchUpFixedDate { get; set; }

    /// <summary>False where the notice sets no catch-up window and the agency's default applies.</summary>
    public bool CatchUpRuleFromNotice { get; set; }

    /// <summary>The notice the plan was entered from (file or title).</summary>
    public string? SourceNotice { get; set; }

    /// <summary>Who published the notice (发文单位).</summary>
    public string? SourceIssuer { get; set; }

    /// <summary>The notice's document number (文号), e.g. 忻医保发〔2021〕12号.</summary>
    public string? SourceDocumentNumber { get; set; }

    public DateOnly? SourcePublishedOn { get; set; }

    /// <summary>Where the notice is published: an absolute http or https address.</summary>
    public string? SourceUrl { get; set; }

    public long Version { get; set; }

    public List<Milestone> Milestones { get; set; } = [];
}
