using Dashboard.Core.Calendar;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Seeded regions as read models, without a database.</summary>
internal static class SeededPlans
{
    public static readonly CatchUpDeadlineCalculator Deadlines = new(new WorkingDayCalendar(HolidayCalendarData.LoadEmbedded()));

    public static RegionPlan Get(string code) =>
        RegionPlanMapper.ToRegionPlan(SeededRegions.All().Single(r => r.Code == code), Deadlines);

    public static RegionPlan Rehearsal(DateTimeOffset firstStart) =>
        RegionPlanMapper.ToRegionPlan(RehearsalRegion.Create(firstStart), Deadlines);

    /// <summary>A local Asia/Shanghai wall-clock time as an instant.</summary>
    public static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
