namespace Dashboard.Core.Plans.Notices;

/// <summary>
/// A deadline's kind follows from where it falls: before go-live it cuts off applications and
/// in-flight business, after go-live it ends catch-up. Keywords alone cannot tell: "零报" work is
/// finished before the stop, "零星报销" of outage advances is claimed after go-live.
/// </summary>
internal static class DeadlineRules
{
    public static IReadOnlyList<ProposedMilestone> Resolve(List<ProposedMilestone> proposals)
    {
        var goLive = proposals.Where(p => p.Kind == MilestoneKind.GoLive).Select(p => (DateTime?)Instant(p.LocalTime)).Min();
        if (goLive is not { } live)
        {
            return proposals;
        }

        return proposals.Select(p => p.Kind switch
        {
            MilestoneKind.CatchUpDeadline when Instant(p.LocalTime) < live => p with { Kind = MilestoneKind.ApplicationCutoff },
            MilestoneKind.ApplicationCutoff when Instant(p.LocalTime) >= live => p with { Kind = MilestoneKind.CatchUpDeadline },
            _ => p,
        }).ToList();
    }

    // Only the order matters here, so any zone will do.
    private static DateTime Instant(string localTime) => MilestoneTimeParser.Parse(localTime, TimeZoneInfo.Utc).DueUtc;
}
