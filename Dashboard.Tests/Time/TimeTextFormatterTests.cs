using Dashboard.Tests.Infrastructure;
using Dashboard.Time;
using static Dashboard.Tests.Infrastructure.SeededPlans;

namespace Dashboard.Tests.Time;

public sealed class TimeTextFormatterTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 11, 22, 12, 0);

    [Theory]
    [InlineData("zh-CN", 0, 0, 0, 0, "0 天 00 时 00 分 00 秒")]
    [InlineData("zh-CN", 2, 3, 4, 5, "2 天 03 时 04 分 05 秒")]
    [InlineData("en", 12, 23, 59, 1, "12d 23h 59m 01s")]
    public void Countdown_shows_days_hours_minutes_seconds(string culture, int days, int hours, int minutes, int seconds, string expected)
    {
        using var _ = new UiCulture(culture);
        Assert.Equal(expected, Formatter().Countdown(new TimeSpan(days, hours, minutes, seconds)));
    }

    [Fact]
    public void Countdown_never_goes_negative()
    {
        using var _ = new UiCulture("zh-CN");
        Assert.Equal("0 天 00 时 00 分 00 秒", Formatter().Countdown(TimeSpan.FromMinutes(-5)));
    }

    [Theory]
    [InlineData("zh-CN", 3 * 24 * 60, "3 天后")]
    [InlineData("zh-CN", -2 * 24 * 60, "2 天前")]
    [InlineData("zh-CN", 90, "1 小时后")]
    [InlineData("zh-CN", -5, "5 分钟前")]
    [InlineData("zh-CN", 0, "刚刚")]
    [InlineData("zh-CN", -5 * 365 * 24 * 60, "5 年前")]
    [InlineData("en", 3 * 24 * 60, "in 3 d")]
    [InlineData("en", -2 * 24 * 60, "2 d ago")]
    public void Relative_time_reads_naturally(string culture, int minutesFromNow, string expected)
    {
        using var _ = new UiCulture(culture);
        Assert.Equal(expected, Formatter().Relative(Now.AddMinutes(minutesFromNow), Now));
    }

    [Fact]
    public void Milestone_times_are_shown_as_the_notice_wrote_them()
    {
        var hengyang = Get("hengyang");
        var zone = hengyang.TimeZone;

        var shown = hengyang.Milestones.Select(m => TimeTextFormatter.MilestoneTime(m, zone)).ToList();

        Assert.Contains("2021-10-25 24:00", shown);
        Assert.Contains("2021-10-30 24:00", shown);
        Assert.Contains("2021-11-10", shown);
        Assert.Equal("2021-11-30 18:00", TimeTextFormatter.MilestoneTime(Get("hefei").Milestones.Single(m => m.Kind == Core.Plans.MilestoneKind.SystemStop), zone));
    }

    private static TimeTextFormatter Formatter() => new(TestLocalizer.Create());
}
