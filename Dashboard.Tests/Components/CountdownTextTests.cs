using System.Globalization;
using Bunit;
using Dashboard.Components.Shared;
using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Components;

/// <summary>
/// A countdown is rendered once from the server's clock, with what the browser needs to tick it
/// (js/countdown.js; the browser tests watch it tick): the target, the server's "now" and the format.
/// </summary>
public sealed class CountdownTextTests() : ComponentTestContext(FirstStart)
{
    [Theory]
    [InlineData("zh-CN", "1 天 02 时 03 分 04 秒", "{0} 天 {1} 时 {2} 分 {3} 秒")]
    [InlineData("en", "1d 02h 03m 04s", "{0}d {1}h {2}m {3}s")]
    public void Shows_the_time_left_by_the_servers_clock_and_carries_the_target_the_servers_now_and_the_format(string culture, string text, string format)
    {
        using var _ = new UiCulture(culture);
        var target = FirstStart + new TimeSpan(1, 2, 3, 4);

        var countdown = Render<CountdownText>(p => p.Add(c => c.Target, target)).Find(".countdown");

        Assert.Equal(text, countdown.TextContent);
        Assert.Equal("timer", countdown.GetAttribute("role"));
        Assert.Equal(Milliseconds(target), countdown.GetAttribute("data-countdown-target"));
        Assert.Equal(Milliseconds(FirstStart), countdown.GetAttribute("data-countdown-now"));
        Assert.Equal(format, countdown.GetAttribute("data-countdown-format"));
    }

    [Fact]
    public void A_target_in_the_past_shows_zero_not_a_negative_time()
    {
        using var _ = new UiCulture("zh-CN");

        var countdown = Render<CountdownText>(p => p.Add(c => c.Target, FirstStart.AddMinutes(-5))).Find(".countdown");

        Assert.Equal("0 天 00 时 00 分 00 秒", countdown.TextContent);
    }

    [Fact]
    public void A_new_target_renders_again_from_the_servers_clock_at_that_moment()
    {
        using var _ = new UiCulture("zh-CN");
        var component = Render<CountdownText>(p => p.Add(c => c.Target, FirstStart.AddHours(1)));

        Clock.Advance(TimeSpan.FromMinutes(10));
        component.Render(p => p.Add(c => c.Target, FirstStart.AddHours(2)));

        var countdown = component.Find(".countdown");
        Assert.Equal("0 天 01 时 50 分 00 秒", countdown.TextContent);
        Assert.Equal(Milliseconds(FirstStart.AddMinutes(10)), countdown.GetAttribute("data-countdown-now"));
    }

    private static string Milliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
