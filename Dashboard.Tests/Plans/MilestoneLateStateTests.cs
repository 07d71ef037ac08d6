using Dashboard.Core.Plans;
using static Dashboard.Tests.Infrastructure.SeededPlans;

namespace Dashboard.Tests.Plans;

/// <summary>"Late" (逾期未完成) is derived from the clock: a milestone past its time that nobody marked done or missed.</summary>
public sealed class MilestoneLateStateTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void A_timed_milestone_not_done_turns_late_at_its_time()
    {
        var milestone = Timed(MilestoneStatus.Pending);

        Assert.Equal(MilestoneState.Pending, milestone.StateAt(milestone.DueUtc - Tick));
        Assert.Equal(MilestoneState.Late, milestone.StateAt(milestone.DueUtc));
    }

    [Fact]
    public void A_day_only_milestone_is_on_time_all_its_day_and_late_from_the_next_local_midnight()
    {
        var milestone = Get("zhejiang").Milestones.First(m => m.Precision == MilestonePrecision.Day && m.Status == MilestoneStatus.Pending);
        var local = milestone.DueUtc.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(TimeSpan.Zero, local.TimeOfDay);

        Assert.Equal(MilestoneState.Pending, milestone.StateAt(milestone.DueUtc.AddHours(23).AddMinutes(59)));
        Assert.Equal(MilestoneState.Late, milestone.StateAt(local.AddDays(1)));
    }

    [Theory]
    [InlineData(MilestoneStatus.AtRisk, MilestoneState.Late)]
    [InlineData(MilestoneStatus.Done, MilestoneState.Done)]
    [InlineData(MilestoneStatus.Missed, MilestoneState.Missed)]
    public void Only_open_milestones_turn_late(MilestoneStatus recorded, MilestoneState shown)
    {
        var milestone = Timed(recorded);

        Assert.Equal(shown, milestone.StateAt(milestone.DueUtc.AddDays(3)));
        Assert.Equal(recorded == MilestoneStatus.AtRisk ? MilestoneState.AtRisk : shown, milestone.StateAt(milestone.DueUtc - Tick));
    }

    [Fact]
    public void The_plan_names_the_instant_a_day_only_milestone_turns_late_as_its_next_change()
    {
        var plan = Get("zhejiang");
        var day = plan.Milestones.First(m => m.Precision == MilestonePrecision.Day && m.Status == MilestoneStatus.Pending);
        var next = plan.Milestones.Where(m => m.DueUtc > day.DueUtc).Min(m => m.DueUtc);
        Assert.True(next > day.LateFromUtc, "the test needs a day with no other milestone after it that day");

        Assert.Equal(day.LateFromUtc, plan.NextChangeAfter(day.DueUtc));
    }

    [Fact]
    public void The_plan_counts_late_and_missed_together_as_trouble()
    {
        var plan = Get("zhejiang");
        var milestones = plan.Milestones.ToList();
        milestones[1] = milestones[1] with { Status = MilestoneStatus.Missed };
        var afterAll = plan.Milestones.Max(m => m.LateFromUtc);
        var marked = plan with { Milestones = milestones };

        Assert.Equal(plan.Milestones.Count, marked.LateOrMissedAt(afterAll));
        Assert.Equal(plan.Milestones.Count - 1, marked.StateCountsAt(afterAll)[MilestoneState.Late]);
        Assert.Equal(1, marked.LateOrMissedAt(plan.Milestones.Min(m => m.DueUtc) - Tick));
    }

    private static MilestoneView Timed(MilestoneStatus status) =>
        Get("hefei").Milestones.First(m => m.Precision == MilestonePrecision.Minute) with { Status = status };
}
