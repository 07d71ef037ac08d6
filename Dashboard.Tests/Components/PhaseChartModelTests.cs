using Dashboard.Core.Time;
using System.Globalization;
using Dashboard.Components.Shared;
using Dashboard.Core.Plans;
using static Dashboard.Tests.Infrastructure.SeededPlans;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

public sealed class PhaseChartModelTests
{
    private static readonly DateTimeOffset Now = TestClocks.FirstStart;
    private static readonly TimeZoneInfo Zone = RegionTimeZone.Default;

    private static IReadOnlyList<RegionPlan> Plans() =>
        [Rehearsal(Now.AddHours(-1)), Get("hefei"), Get("panzhihua"), Get("zhejiang")];

    [Fact]
    public void Active_window_frames_the_live_region_and_names_when_closed_ones_ended()
    {
        var model = PhaseChartModel.Build(Plans(), Now, PhaseChartRange.Active, Zone, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.Equal(PhaseChartRange.Active, model.Range);
        Assert.InRange(model.NowX, 0.01, 0.99);
        var rehearsal = model.Rows.Single(r => r.Code == "rehearsal");
        Assert.Equal([PlanPhase.Preparation, PlanPhase.Outage, PlanPhase.CatchUp], rehearsal.Bars.Select(b => b.Phase));
        Assert.All(rehearsal.Bars, b => Assert.InRange(b.X + b.Width, 0, 1.0000001));
        var panzhihua = model.Rows.Single(r => r.Code == "panzhihua");
        Assert.Empty(panzhihua.Bars);
        Assert.Equal(new DateOnly(2020, 10, 9), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(panzhihua.EndedAt!.Value, Zone).DateTime));
    }

    [Fact]
    public void All_range_draws_every_region_on_one_axis_in_time_order()
    {
        var model = PhaseChartModel.Build(Plans(), Now, PhaseChartRange.All, Zone, CultureInfo.GetCultureInfo("en"));

        Assert.All(model.Rows, r => Assert.NotEmpty(r.Bars));
        var outageX = model.Rows.ToDictionary(r => r.Code, r => r.Bars.Single(b => b.Phase == PlanPhase.Outage).X);
        Assert.True(outageX["panzhihua"] < outageX["hefei"]);
        Assert.True(outageX["hefei"] < outageX["zhejiang"]);
        Assert.True(outageX["zhejiang"] < outageX["rehearsal"]);
        Assert.Contains(model.Ticks, t => t.Label == "2022");
    }

    [Fact]
    public void With_every_region_closed_the_active_range_falls_back_to_all()
    {
        var model = PhaseChartModel.Build([Get("hefei"), Get("zhejiang")], Now, PhaseChartRange.Active, Zone, CultureInfo.InvariantCulture);

        Assert.Equal(PhaseChartRange.All, model.Range);
    }

    [Fact]
    public void A_period_is_drawn_from_its_start_to_the_end_of_its_last_day_and_a_conditional_go_live_says_so()
    {
        var rehearsal = Rehearsal(Now.AddHours(-1));
        var stop = rehearsal.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        var goLive = rehearsal.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var start = stop.DueUtc.AddDays(1);
        var suspension = stop with
        {
            Id = 999, Kind = MilestoneKind.Other, Precision = MilestonePrecision.Day, Title = new LocalizedText("暂停缴费", "Contributions suspended"),
            DueUtc = start, EndUtc = start.AddDays(2), EndPrecision = MilestonePrecision.Day,
        };
        var plan = rehearsal with
        {
            Milestones = [.. rehearsal.Milestones.Select(m => m == goLive ? m with { IsConditional = true } : m).Append(suspension).OrderBy(m => m.DueUtc)],
        };

        var model = PhaseChartModel.Build([plan], Now, PhaseChartRange.Active, Zone, CultureInfo.GetCultureInfo("zh-CN"));

        var row = model.Rows.Single();
        var window = Assert.Single(row.Windows);
        var day = (model.To - model.From).TotalDays;
        Assert.Equal(3 / day, window.Width, 6);
        Assert.Equal("暂停缴费", window.Title);
        Assert.True(row.Bars.Single(b => b.Phase == PlanPhase.Outage).EndText!.IsConditional);
    }
}
