namespace Dashboard.Core.Seeding;

/// <summary>Builds a seeded region and its plan from a notice's milestones as written.</summary>
internal sealed class SeedPlanBuilder
{
    // The seeded notices are all from mainland China and write Beijing time.
    private readonly TimeZoneInfo _timeZone = RegionTimeZone.Default;
    private readonly Region _region;
    private readonly CutoverPlan _plan;

    public SeedPlanBuilder(string code, string nameZh, string nameEn, int sortOrder, CutoverPlan plan)
    {
        _plan = plan;
        _plan.TimeZoneId = RegionTimeZone.DefaultId;
        _region = new Region { Code = code, NameZh = nameZh, NameEn = nameEn, SortOrder = sortOrder, Plan = plan };
    }

    public SeedPlanBuilder At(
        string local, MilestoneKind kind, string titleZh, string titleEn,
        string? owner = null, bool estimated = false, string? noteZh = null, string? noteEn = null)
    {
        var (dueUtc, precision, endOfDay) = MilestoneTimeParser.Parse(local, _timeZone);
        _plan.Milestones.Add(new Milestone
        {
            Kind = kind,
            DueUtc = dueUtc,
            Precision = precision,
            WrittenAsEndOfDay = endOfDay,
            IsEstimated = estimated,
            Status = MilestoneStatus.Pending,
            Owner = owner,
            TitleZh = titleZh,
            TitleEn = titleEn,
            NoteZh = noteZh,
            NoteEn = noteEn,
        });
        return this;
    }

    public Region Build() => _region;
}
