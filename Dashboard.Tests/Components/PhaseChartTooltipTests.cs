using System.Globalization;
using Bunit;
using Dashboard.Components.Shared;
using Dashboard.Core.Plans;
using Dashboard.Core.Time;
using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Infrastructure.SeededPlans;

namespace Dashboard.Tests.Components;

/// <summary>
/// The phase chart's bars say when each phase starts and ends as the notices wrote it: a date-only
/// go-live stays a date, "24:00" stays 24:00, and an expected time or deadline says so.
/// </summary>
public sealed class PhaseChartTooltipTests() : ComponentTestContext(TestClocks.FirstStart)
{
    private static readonly TimeZoneInfo Zone = RegionTimeZone.Default;

    private IRenderedComponent<PhaseChart> RenderChart(string culture) =>
        Render<PhaseChart>(p => p
            .Add(x => x.Model, PhaseChartModel.Build([Get("hengyang"), Get("xinzhou")], TestClocks.FirstStart, PhaseChartRange.All, Zone, CultureInfo.GetCultureInfo(culture)))
            .Add(x => x.Zone, Zone));

    private static string Tooltip(IRenderedComponent<PhaseChart> chart, string region, string phase) =>
        chart.Find($"[data-region={region}] rect.phase-{phase} title").TextContent;

    [Theory]
    [InlineData("zh-CN", "停机期: 2021-10-30 24:00 – 2021-11-10", "补录期: 2021-10-31 22:00（预计） – 2021-11-12 24:00（预计）")]
    [InlineData("en", "Outage: 2021-10-30 24:00 – 2021-11-10", "Catch-up: 2021-10-31 22:00 (expected) – 2021-11-12 24:00 (expected)")]
    public void Bars_name_their_ends_as_the_notice_wrote_them(string culture, string hengyangOutage, string xinzhouCatchUp)
    {
        using var _ = new UiCulture(culture);

        var chart = RenderChart(culture);

        Assert.Equal(hengyangOutage, Tooltip(chart, "hengyang", "outage"));
        Assert.Equal(xinzhouCatchUp, Tooltip(chart, "xinzhou", "catchup"));
    }

    [Fact]
    public void The_now_label_hangs_inward_at_the_right_edge_instead_of_over_the_region_names()
    {
        using var _ = new UiCulture("zh-CN");

        var chart = RenderChart("zh-CN");

        Assert.Equal("end", chart.Find(".now-label").GetAttribute("text-anchor"));
    }

    [Fact]
    public void Labels_of_regions_that_ended_start_after_the_now_line_instead_of_under_it()
    {
        using var _ = new UiCulture("zh-CN");
        var model = PhaseChartModel.Build([Rehearsal(TestClocks.FirstStart.AddHours(-1)), Get("hefei")], TestClocks.FirstStart, PhaseChartRange.Active, Zone, CultureInfo.GetCultureInfo("zh-CN"));

        var chart = Render<PhaseChart>(p => p.Add(x => x.Model, model).Add(x => x.Zone, Zone));

        var nowX = double.Parse(chart.Find(".now-line").GetAttribute("x1")!, CultureInfo.InvariantCulture);
        var labelX = double.Parse(chart.Find("[data-region=hefei] .offscreen-label").GetAttribute("x")!, CultureInfo.InvariantCulture);
        Assert.True(labelX > nowX, $"The label at {labelX} starts under the now line at {nowX}.");
    }
}
