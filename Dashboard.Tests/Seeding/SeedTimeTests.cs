using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Core.Time;
using static Dashboard.Tests.Infrastructure.SeededPlans;

namespace Dashboard.Tests.Seeding;

public sealed class SeedTimeTests
{
    private static readonly TimeZoneInfo ShanghaiZone = RegionTimeZone.Default;

    [Fact]
    public void Time_24_00_is_midnight_of_the_next_day_and_remembered_as_written()
    {
        var (dueUtc, precision, endOfDay) = MilestoneTimeParser.Parse("2021-10-30 24:00", ShanghaiZone);

        Assert.Equal(Shanghai(2021, 10, 31).UtcDateTime, dueUtc);
        Assert.Equal(MilestonePrecision.Minute, precision);
        Assert.True(endOfDay);
    }

    [Fact]
    public void A_date_without_time_has_day_precision_at_the_start_of_the_local_day()
    {
        var (dueUtc, precision, endOfDay) = MilestoneTimeParser.Parse("2021-11-29", ShanghaiZone);

        Assert.Equal(new DateTime(2021, 11, 28, 16, 0, 0, DateTimeKind.Utc), dueUtc);
        Assert.Equal(MilestonePrecision.Day, precision);
        Assert.False(endOfDay);
    }

    [Fact]
    public void Rehearsal_stops_two_days_after_first_start_and_keeps_dates_at_midnight()
    {
        var firstStart = new DateTimeOffset(2026, 11, 22, 7, 30, 15, TimeSpan.Zero);

        var plan = Rehearsal(firstStart);

        var stop = plan.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero), stop.DueUtc);
        Assert.All(
            plan.Milestones.Where(m => m.Precision == MilestonePrecision.Day),
            m => Assert.Equal(TimeSpan.Zero, plan.ToLocal(m.DueUtc).TimeOfDay));
        Assert.Equal(PlanPhase.Preparation, plan.PhaseAt(firstStart));
        Assert.Equal(Get("hefei").Milestones.Count, plan.Milestones.Count);
    }
}
