namespace Dashboard.Core.Seeding;

/// <summary>
/// A demo region: Hefei's plan shifted so that its system stop falls two days after the first
/// start, so that a newcomer sees real countdowns and phase changes.
/// </summary>
public static class RehearsalRegion
{
    public const string Code = "rehearsal";

    public static readonly TimeSpan StopAfterFirstStart = TimeSpan.FromDays(2);

    public static Region Create(DateTimeOffset firstStartUtc)
    {
        var region = SeededRegions.Hefei();
        var plan = region.Plan!;
        var timeZone = RegionTimeZone.Of(plan.TimeZoneId);
        var systemStop = plan.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop).DueUtc;
        var newStop = TruncateToMinute(firstStartUtc.UtcDateTime + StopAfterFirstStart);

        // Dated milestones move by whole local days so that they stay at the start of a day.
        var oldStopDay = TimeZoneInfo.ConvertTimeFromUtc(systemStop, timeZone).Date;
        var newStopDay = TimeZoneInfo.ConvertTimeFromUtc(newStop, timeZone).Date;
        var wholeDays = newStopDay - oldStopDay;
        var exact = newStop - systemStop;
        foreach (var milestone in plan.Milestones)
        {
            milestone.DueUtc += milestone.Precision == MilestonePrecision.Day ? wholeDays : exact;
            milestone.WrittenAsEndOfDay = false;
        }

        region.Code = Code;
        region.NameZh = "演练（合肥）";
        region.NameEn = "Rehearsal (Hefei)";
        region.IsRehearsal = true;
        region.SortOrder = 0;
        plan.SourceNotice = "演练：合肥计划平移，停机时间为首次启动后两天";
        return region;
    }

    private static DateTime TruncateToMinute(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
