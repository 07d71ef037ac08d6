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
}
