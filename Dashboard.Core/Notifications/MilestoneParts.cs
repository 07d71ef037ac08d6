namespace Dashboard.Core.Notifications;

internal static class MilestoneParts
{
    /// <summary>A milestone as the region's notice wrote it, in the state it shows at <paramref name="at"/>.</summary>
    public static MilestonePart From(MilestoneView milestone, TimeZoneInfo timeZone, DateTimeOffset at) => new(
        milestone.Id, milestone.Title.Zh, milestone.Title.En, MilestoneTimeText.Format(milestone, timeZone), milestone.IsEstimated, milestone.StateAt(at));
}
