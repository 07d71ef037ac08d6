namespace Dashboard.Core.Board;

public enum BoardActivityKind
{
    StatusChange,
    Move,
    Update,
    Add,
    Remove,
    /// <summary>Nobody did it: the milestone's time passed and it was not done (derived from the clock).</summary>
    Late,
}

/// <summary>
/// One line of the board's activity strip: a change to a milestone (who, when, what) or a milestone
/// turning late. <see cref="Key"/> is stable, so a board keeps an entry's highlight across refreshes.
/// </summary>
public sealed record BoardActivityEntry(
    string Key, int RegionId, int MilestoneId, LocalizedText Milestone, BoardActivityKind Kind, DateTimeOffset AtUtc, string? ByUserId, string? ByName)
{
    /// <summary>The status it was marked with (status changes only).</summary>
    public MilestoneStatus? NewStatus { get; init; }

    /// <summary>The reason given (at risk, missed, moved).</summary>
    public string? Note { get; init; }

    /// <summary>Someone other than <paramref name="userId"/> did it after they last acknowledged the strip (late items count as someone else's).</summary>
    public bool IsNewFor(string? userId, DateTimeOffset? seenUtc) => ByUserId != userId && (seenUtc is null || AtUtc > seenUtc);

    /// <summary>The milestones of <paramref name="plan"/> that turned late within <paramref name="window"/> before <paramref name="now"/>.</summary>
    public static IEnumerable<BoardActivityEntry> LateIn(int regionId, RegionPlan plan, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Milestones.Where(m => m.IsLateAt(now) && m.LateFromUtc > now - window).Select(m => new BoardActivityEntry(
            $"late-{m.Id}-{m.LateFromUtc.UtcTicks}", regionId, m.Id, m.Title, BoardActivityKind.Late, m.LateFromUtc, null, null));
    }
}
