using Dashboard.Core.Plans;
using static Dashboard.Tests.Infrastructure.SeededPlans;

namespace Dashboard.Tests.Plans;

public sealed class PhaseDerivationTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void Zhejiang_changes_phase_exactly_at_business_stop_go_live_and_fixed_deadline()
    {
        var plan = Get("zhejiang");
        var businessStop = Shanghai(2022, 2, 6);
        var goLive = Shanghai(2022, 2, 15);
        var deadlineEnd = Shanghai(2023, 1, 1);

        Assert.Equal(PlanPhase.Preparation, plan.PhaseAt(businessStop - Tick));
        Assert.Equal(PlanPhase.Outage, plan.PhaseAt(businessStop));
        Assert.Equal(PlanPhase.Outage, plan.PhaseAt(goLive - Tick));
        Assert.Equal(PlanPhase.CatchUp, plan.PhaseAt(goLive));
        Assert.Equal(PlanPhase.CatchUp, plan.PhaseAt(deadlineEnd - Tick));
        Assert.Equal(PlanPhase.Closed, plan.PhaseAt(deadlineEnd));
    }

    [Fact]
    public void The_outage_starts_at_the_earliest_stop_of_any_kind()
    {
        var plan = Get("zhejiang");
        Assert.Equal(Shanghai(2022, 2, 6), plan.OutageStartsUtc);
        Assert.Equal(Shanghai(2022, 2, 15), plan.GoLiveUtc);
    }

    [Fact]
    public void Panzhihua_catch_up_closes_at_the_end_of_2020_10_09()
    {
        var plan = Get("panzhihua");

        Assert.Equal(new DateOnly(2020, 10, 9), plan.CatchUp.LastDay);
        Assert.Equal(Shanghai(2020, 10, 10), plan.CatchUp.EndsUtc);
        Assert.Equal(PlanPhase.Outage, plan.PhaseAt(Shanghai(2020, 9, 20, 23, 59)));
        Assert.Equal(PlanPhase.CatchUp, plan.PhaseAt(Shanghai(2020, 9, 21)));
        Assert.Equal(PlanPhase.CatchUp, plan.PhaseAt(Shanghai(2020, 10, 9, 23, 59)));
        Assert.Equal(PlanPhase.Closed, plan.PhaseAt(Shanghai(2020, 10, 10)));
    }

    [Fact]
    public void Hefei_outage_runs_from_the_system_stop_to_go_live()
    {
        var plan = Get("hefei");

        Assert.Equal(PlanPhase.Preparation, plan.PhaseAt(Shanghai(2021, 11, 30, 17, 59)));
        Assert.Equal(PlanPhase.Outage, plan.PhaseAt(Shanghai(2021, 11, 30, 18, 0)));
        Assert.Equal(PlanPhase.CatchUp, plan.PhaseAt(Shanghai(2021, 12, 12, 8, 0)));
    }

    [Fact]
    public void A_plan_without_go_live_stays_in_outage_and_one_without_deadline_stays_in_catch_up()
    {
        var stop = Shanghai(2024, 1, 1);
        Assert.Equal(PlanPhase.Outage, PhaseRules.PhaseAt(stop.AddYears(5), stop, goLive: null, catchUpEnds: null));
        Assert.Equal(PlanPhase.CatchUp, PhaseRules.PhaseAt(stop.AddYears(5), stop, stop.AddDays(1), catchUpEnds: null));
    }

    [Fact]
    public void Next_milestone_is_the_first_one_still_ahead()
    {
        var plan = Get("hefei");

        var next = plan.NextMilestoneAt(Shanghai(2021, 11, 30, 12, 0));

        Assert.NotNull(next);
        Assert.Equal(MilestoneKind.SystemStop, next.Kind);
        Assert.Null(plan.NextMilestoneAt(Shanghai(2021, 12, 12, 8, 0)));
    }

    [Fact]
    public void Phase_spans_cover_preparation_outage_and_catch_up_in_order()
    {
        var spans = Get("hefei").PhaseSpans();

        Assert.Equal([PlanPhase.Preparation, PlanPhase.Outage, PlanPhase.CatchUp], spans.Select(s => s.Phase));
        Assert.Equal(Shanghai(2021, 11, 26, 17, 0), spans[0].Start);
        Assert.Equal(spans[1].Start, spans[0].End);
        Assert.Equal(spans[2].Start, spans[1].End);
        Assert.Equal(Get("hefei").CatchUp.EndsUtc, spans[2].End);
    }
}
