namespace Dashboard.Core.Calendar;

/// <summary>
/// An administrator's local adjustment of one region's working days: a day off the State Council
/// calendar does not give (a local holiday, a closure) or a working day it does not have. Never
/// deleted: a removed adjustment is kept, marked, for the audit trail.
/// </summary>
public class RegionCalendarDay : IVersioned
{
    public const int ReasonMaxLength = 200;

    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>True: an extra day off; false: an extra working day.</summary>
    public bool IsOffDay { get; set; }

    public required string Reason { get; set; }

    public required string CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public bool IsRemoved { get; set; }

    public long Version { get; set; }
}
