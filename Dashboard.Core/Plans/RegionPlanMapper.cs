using Dashboard.Core.Calendar;

namespace Dashboard.Core.Plans;

/// <summary>Turns a region entity with its plan and milestones into the read model pages use.</summary>
public static class RegionPlanMapper
{
    /// <summary>The read model, its deadline counted under <paramref name="calendar"/> (the region's own; null: the official one).</summary>
    public static RegionPlan ToRegionPlan(Region region, CatchUpDeadlineCalculator deadlines, WorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(deadlines);
        var plan = region.Plan ?? throw new ArgumentException($"Region {region.Code} has no plan.", nameof(region));
        var timeZone = RegionTimeZone.Of(plan.TimeZoneId);
        var milestones = plan.Milestones
            .Where(m => !m.IsRemoved)
            .OrderBy(m => m.DueUtc).ThenBy(m => m.Id)
            .Select(ToView)
            .ToList();
        var goLive = milestones.FirstOrDefault(m => m.Kind == MilestoneKind.GoLive);
        return new RegionPlan(
            region.Code,
            new LocalizedText(region.NameZh, region.NameEn),
            region.IsRehearsal,
            timeZone,
            new LocalizedText(plan.OldSystemNameZh, plan.OldSystemNameEn),
            new LocalizedText(plan.NewSystemNameZh, plan.NewSystemNameEn),
            milestones,
            calendar is null ? deadlines.Compute(plan, goLive, timeZone) : deadlines.Compute(plan, goLive, timeZone, calendar))
        {
            Source = PlanSource.Of(plan),
        };
    }

    public static MilestoneView ToView(Milestone m) => new(
        m.Id,
        m.Kind,
        new DateTimeOffset(m.DueUtc, TimeSpan.Zero),
        m.Precision,
        m.IsEstimated,
        m.WrittenAsEndOfDay,
        m.Status,
        m.Owner,
        new LocalizedText(m.TitleZh, m.TitleEn),
        m.NoteZh is null ? null : new LocalizedText(m.NoteZh, m.NoteEn ?? m.NoteZh))
    {
        EndUtc = m.EndUtc is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : null,
        EndPrecision = m.EndPrecision,
        EndWrittenAsEndOfDay = m.EndWrittenAsEndOfDay,
        IsConditional = m.IsConditional,
        Condition = m.ConditionZh is null ? null : new LocalizedText(m.ConditionZh, m.ConditionEn ?? m.ConditionZh),
        StatusNote = m.StatusNote,
        ActualUtc = m.ActualUtc is { } actual ? new DateTimeOffset(actual, TimeSpan.Zero) : null,
        Version = m.Version,
    };
}
