namespace Dashboard.Core.Board;

/// <summary>Held patients by status: the funnel logged → re-registered → settled → closed.</summary>
public sealed record BacklogFunnel(int Logged, int ReRegistered, int Settled, int Closed, int Voided, int Overdue)
{
    public int Outstanding => Logged + ReRegistered + Settled;
}

/// <summary>A facility's outstanding work and whether it has reported ready for the current stage.</summary>
public sealed record FacilityBacklog(int FacilityId, string FacilityName, int Outstanding, int Overdue, DateTime? OldestUtc, bool HasReported);

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
    DateTimeOffset ComputedUtc);
