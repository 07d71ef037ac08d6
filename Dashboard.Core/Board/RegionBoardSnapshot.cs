namespace Dashboard.Core.Board;

/// <summary>Held patients by status: the funnel logged → re-registered → settled → closed.</summary>
public sealed record BacklogFunnel(int Logged, int ReRegistered, int Settled, int Closed, int Voided, int Overdue)
{
    public int Outstanding => Logged + ReRegistered + Settled;
}

/// <summary>A facility's outstanding work and whether it has reported ready for the current stage.</summary>
public sealed record FacilityBacklog(int FacilityId, string FacilityName, int Outstanding, int Overdue, DateTime? OldestUtc, bool HasReported)
{
    /// <summary>Red: records past their deadline. Amber: not reported ready for the current stage. Green otherwise.</summary>
    public Health Health => Overdue > 0 ? Health.Red : !HasReported ? Health.Amber : Health.Green;
}

/// <summary>Outstanding items (held patients and paper forms) at the end of a local day.</summary>
public sealed record BurndownPoint(DateOnly Day, int Outstanding);

/// <summary>
/// Everything a board shows for one region, computed once per change and shared by every open
/// board (see <see cref="BoardSnapshots"/>).
/// </summary>
public sealed record RegionBoardSnapshot(
    int RegionId,
    RegionPlan Plan,
    BacklogFunnel Held,
    int FormsOutstanding,
    int FormsOverdue,
    IReadOnlyList<FacilityBacklog> Facilities,
    IReadOnlyList<BurndownPoint> Burndown,
    DateTimeOffset ComputedUtc)
{
    /// <summary>Changes to the region's milestones in the last <see cref="BoardSnapshots.ActivityWindow"/>, newest first.</summary>
    public IReadOnlyList<BoardActivityEntry> Activity { get; init; } = [];

    /// <summary>
    /// The next instant an outstanding record's deadline passes: the overdue counts change then with no
    /// edit, so the snapshot is read again at that moment. Null when no deadline is ahead.
    /// </summary>
    public DateTimeOffset? NextRecountUtc { get; init; }
}
