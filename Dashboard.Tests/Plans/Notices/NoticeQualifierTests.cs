using Dashboard.Core.Plans.Notices;

namespace Dashboard.Tests.Plans.Notices;

/// <summary>Estimated and conditional dates, titles, and text that holds no milestone.</summary>
public sealed class NoticeQualifierTests
{
    [Theory]
    [InlineData("预计2021年10月31日22时起，正式启用新医保系统。", true)]
    [InlineData("新平台暂定2021年12月12日上线。", true)]
    [InlineData("计划于2020年9月11日0时停机。", true)]
    [InlineData("2021年12月12日（暂定）正式启用新平台。", true)]
    [InlineData("2021年12月12日08:00正式启用新平台。", false)]
    [InlineData("对于2022年2月1日后新入院且预计停机后方可出院的病人，可直接办理自费入院。", false)]
    [InlineData("请医疗机构将用药量计划到2020年9月14日以后。", false)]
    public void Expected_dates_are_estimated(string sentence, bool estimated) =>
        Assert.Equal(estimated, Assert.Single(NoticeParser.Parse(sentence)).IsEstimated);

    [Theory]
    [InlineData("新平台于2021年12月12日上线，视切换情况提前或推迟。", true)]
    [InlineData("新平台于2021年12月12日上线，如有变化另行通知。", true)]
    [InlineData("线上业务恢复时间陆续自2022年2月15日开始，具体时间以平台恢复受理为准。", true)]
    [InlineData("新平台于2021年12月12日上线。", false)]
    [InlineData("省级参保单位在2022年2月6日至2月15日期间将不能及时办理参保登记，请提前或延后办理参保登记业务。", false)]
    public void Dates_the_notice_may_move_are_conditional(string sentence, bool conditional) =>
        Assert.Equal(conditional, Assert.Single(NoticeParser.Parse(sentence)).IsConditional);

    [Fact]
    public void A_conditional_sentence_after_a_date_makes_only_that_date_conditional()
    {
        var proposals = NoticeParser.Parse("定于2021年10月30日24时停止使用老系统。\n2021年11月10日正式启用新系统。如果系统切换进度提前或者延后，将另行公告。");

        Assert.Equal([false, true], proposals.Select(p => p.IsConditional));
    }

    [Theory]
    [InlineData("")]
    [InlineData("各定点医药机构要做好宣传解释工作，不得推诿病患。")]
    [InlineData("系统恢复后10个工作日内，持本人社会保障卡到医疗机构办理结算。")]
    [InlineData("咨询电话：0571-85111525、85119034（参保管理），0350-3032798（综合科）。")]
    [InlineData("未完成属期为 2021 年 12 月份个账划拨的，请于新平台上线后生成入账数据。")]
    [InlineData("政务 2.0 线上办事渠道陆续恢复，完成2020年度年终清算。")]
    public void Text_without_a_date_proposes_nothing(string text) => Assert.Empty(NoticeParser.Parse(text));

    [Fact]
    public void A_date_repeated_in_one_sentence_is_proposed_once() =>
        Assert.Single(NoticeParser.Parse("完成 2021 年 10 月 31 日（含 10 月 31 日）之前已出院结算的业务月度审核和结算。"));

    [Fact]
    public void A_title_drops_markdown_and_list_numbering()
    {
        var proposal = Assert.Single(NoticeParser.Parse("### **5. 2021年11月26日17:00停止门诊慢性病的线上申请。**"));

        Assert.Equal("2021年11月26日17:00停止门诊慢性病的线上申请", proposal.Sentence);
    }

    [Fact]
    public void A_long_sentence_is_cut_at_a_clause_around_its_date()
    {
        var filler = string.Concat(Enumerable.Repeat("各定点医药机构做好宣传解释工作，", 6));
        var proposal = Assert.Single(NoticeParser.Parse(filler + "2021年12月12日08:00正式启用新平台，" + filler + "。"));

        Assert.Contains("2021年12月12日08:00正式启用新平台", proposal.Sentence, StringComparison.Ordinal);
        Assert.InRange(proposal.Sentence.Length, 20, NoticeSentenceSplitter.MaxTitleLength + 1);
        Assert.EndsWith("…", proposal.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("某市医疗保障局\n\n2021年11月29日")]
    [InlineData("某市医疗保障局办公室\n\n2020年9月8日印发")]
    public void A_signature_date_is_not_a_milestone(string text) => Assert.Empty(NoticeParser.Parse(text));
}
