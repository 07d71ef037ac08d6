using Bunit;
using Dashboard.Components.Pages.Board;
using Dashboard.Core.Board;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

/// <summary>A burndown that crosses a new year still says which year its days are in.</summary>
public sealed class BurndownChartTests() : ComponentTestContext(TestClocks.FirstStart)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void The_axis_names_its_first_and_last_day_with_the_year(string culture)
    {
        using var _ = new UiCulture(culture);
        BurndownPoint[] points = [new(new DateOnly(2026, 12, 28), 40), new(new DateOnly(2026, 12, 31), 25), new(new DateOnly(2027, 1, 4), 10)];

        var chart = Render<BurndownChart>(p => p.Add(x => x.Points, points).Add(x => x.Deadline, new DateOnly(2027, 1, 4)));

        var labels = chart.FindAll(".axis-label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("2026-12-28", labels);
        Assert.Contains("2027-01-04", labels);
    }
}
