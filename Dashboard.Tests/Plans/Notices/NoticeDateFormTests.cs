using Dashboard.Core.Plans;
using Dashboard.Core.Plans.Notices;
using Dashboard.Core.Time;

namespace Dashboard.Tests.Plans.Notices;

/// <summary>The ways notices write a date and time (SPEC section 10), one sentence each.</summary>
public sealed class NoticeDateFormTests
{
    private static ProposedMilestone Single(string text, int? defaultYear = null) => Assert.Single(NoticeParser.Parse(text, defaultYear));

    [Theory]
    [InlineData("老系统于2021年11月30日18:00停止使用。", "2021-11-30 18:00")]
    [InlineData("老系统于2021年11月30日18时停止使用。", "2021-11-30 18:00")]
    [InlineData("自 2021 年 10 月 21 日 18 时起，停止使用旧系统。", "2021-10-21 18:00")]
    [InlineData("新平台于12月12日8:00正式启用。", "2021-12-12 08:00")]
    [InlineData("新平台于12月12日上午8时正式启用。", "2021-12-12 08:00")]
    [InlineData("11月30日下午5时停止受理线上申请。", "2021-11-30 17:00")]
    [InlineData("11月30日17时30分停止受理线上申请。", "2021-11-30 17:30")]
    [InlineData("11月30日24时停止使用老系统。", "2021-11-30 24:00")]
    [InlineData("12月12日８：３０起恢复运行。", "2021-12-12 08:30")]
    [InlineData("2022年2月6日0时起，暂停办理所有医保业务。", "2022-02-06 00:00")]
    [InlineData("2022年2月6日零时起，暂停办理所有医保业务。", "2022-02-06 00:00")]
    [InlineData("计划于2020年9月11日0时（星期五）停机。", "2020-09-11 00:00")]
    [InlineData("２０２１年１１月３０日１８：００停止使用老系统。", "2021-11-30 18:00")]
    public void Date_and_time_forms_give_the_local_time(string sentence, string localTime) =>
        Assert.Equal(localTime, Single(sentence, defaultYear: 2021).LocalTime);

    [Theory]
    [InlineData("11月30日（星期二）起暂停办理异地备案。", "2021-11-30")]
    [InlineData("2021 年 11 月 30 日起，停止办理医保个账清算业务。", "2021-11-30")]
    [InlineData("2021年11月30号前完成审核。", "2021-11-30")]
    public void Day_only_date_stays_day_only(string sentence, string localTime)
    {
        var proposal = Single(sentence, defaultYear: 2021);

        Assert.Equal(localTime, proposal.LocalTime);
        Assert.Equal(MilestonePrecision.Day, MilestoneTimeParser.Parse(proposal.LocalTime, RegionTimeZone.Default).Precision);
    }

    [Theory]
    [InlineData("定于2021年10月30日24时停止使用衡阳系统。")]
    [InlineData("定于2021年10月30日24:00停止使用衡阳系统。")]
    public void End_of_day_stays_24_00(string sentence)
    {
        var proposal = Single(sentence);

        Assert.Equal("2021-10-30 24:00", proposal.LocalTime);
        Assert.True(MilestoneTimeParser.Parse(proposal.LocalTime, RegionTimeZone.Default).WrittenAsEndOfDay);
    }

    [Theory]
    [InlineData("异地门特资料于2020年12月底前交经办机构审核报销。", "2020-12-31")]
    [InlineData("2024年2月底前完成审核。", "2024-02-29")]
    public void Month_end_is_the_last_day_of_the_month(string sentence, string localTime) =>
        Assert.Equal(localTime, Single(sentence).LocalTime);

    [Fact]
    public void A_date_without_a_year_takes_the_year_of_the_notices_own_date()
    {
        var proposal = Single("定于11月30日24时停止使用老系统。\n\n某市医疗保障局\n\n2021年11月29日");

        Assert.Equal("2021-11-30 24:00", proposal.LocalTime);
    }

    [Fact]
    public void The_default_year_serves_only_a_notice_without_a_full_date()
    {
        Assert.Empty(NoticeParser.Parse("定于11月30日24时停止使用老系统。"));
        Assert.Equal("2021-11-30 24:00", Single("定于11月30日24时停止使用老系统。", defaultYear: 2021).LocalTime);
        Assert.Equal("2021-11-30", NoticeParser.Parse("2021年11月1日起开展宣传。11月30日停止受理。", defaultYear: 2030)[1].LocalTime);
    }

    [Theory]
    [InlineData("11月30日至12月11日暂停受理异地备案。", "2021-11-30", "2021-12-11")]
    [InlineData("自2021年11月30日18时起至12月12日8时止，暂停受理异地备案。", "2021-11-30 18:00", "2021-12-12 08:00")]
    [InlineData("2020年9月11日至14日期间购药需全额现金结算。", "2020-09-11", "2020-09-14")]
    [InlineData("2021年9月10日8时至17时集中办理缴费。", "2021-09-10 08:00", "2021-09-10 17:00")]
    [InlineData("2021年12月25日至1月5日暂停受理异地备案。", "2021-12-25", "2022-01-05")]
    [InlineData("系统切换期间(2021年11月30日18:00-12月12日08:00)线下受理。", "2021-11-30 18:00", "2021-12-12 08:00")]
    public void A_window_has_its_start_and_end(string sentence, string start, string end)
    {
        var proposal = Single(sentence, defaultYear: 2021);

        Assert.Equal((start, end), (proposal.LocalTime, proposal.EndLocalTime));
    }

    [Fact]
    public void A_single_date_has_no_end() => Assert.Null(Single("2021年12月12日08:00正式启用新平台。").EndLocalTime);

    [Fact]
    public void An_outage_window_proposes_the_stop_and_the_go_live_at_its_end()
    {
        var proposals = NoticeParser.Parse("我市系统计划于2020年9月11日0时（星期五）至2020年9月20日24时（星期日）停机。");

        Assert.Collection(
            proposals,
            stop => Assert.Equal((MilestoneKind.SystemStop, "2020-09-11 00:00", "2020-09-20 24:00"), (stop.Kind, stop.LocalTime, stop.EndLocalTime)),
            goLive => Assert.Equal((MilestoneKind.GoLive, "2020-09-20 24:00", (string?)null), (goLive.Kind, goLive.LocalTime, goLive.EndLocalTime)));
    }

    [Theory]
    [InlineData("2021年2月30日停止使用老系统。")]
    [InlineData("2021年13月1日停止使用老系统。")]
    [InlineData("2021年11月30日25时停止使用老系统。")]
    [InlineData("2021年11月30日24时30分停止使用老系统。")]
    public void An_impossible_date_or_time_is_not_proposed(string sentence) => Assert.Empty(NoticeParser.Parse(sentence));
}
