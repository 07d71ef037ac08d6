using Dashboard.Core.Plans;
using Dashboard.Core.Plans.Notices;

namespace Dashboard.Tests.Plans.Notices;

/// <summary>The kind a date gets from the words around it.</summary>
public sealed class NoticeKindTests
{
    [Theory]
    [InlineData("老系统于2021年11月30日18:00停止使用。", MilestoneKind.SystemStop)]
    [InlineData("2021年11月30日18时起，医保系统暂停运行。", MilestoneKind.SystemStop)]
    [InlineData("2021年11月30日18时起切换停机。", MilestoneKind.SystemStop)]
    [InlineData("2022年2月6日0时起，业务经办停机，暂停办理所有医保业务。", MilestoneKind.BusinessStop)]
    [InlineData("2022年2月6日0时起，暂停办理各类参保登记、信息变更在内的所有医保业务。", MilestoneKind.BusinessStop)]
    [InlineData("2022年2月10日0时起，暂停医保实时结算。", MilestoneKind.SettlementStop)]
    [InlineData("2022年2月10日0时起，定点医疗机构联网结算停止。", MilestoneKind.SettlementStop)]
    [InlineData("2021年12月12日08:00正式启用新平台。", MilestoneKind.GoLive)]
    [InlineData("2021年12月12日起，新系统切换上线。", MilestoneKind.GoLive)]
    [InlineData("2021年12月12日起系统恢复运行。", MilestoneKind.GoLive)]
    [InlineData("2020年9月18日8时起部分业务恢复办理。", MilestoneKind.PartialResume)]
    [InlineData("2020年9月18日起缴费业务恢复。", MilestoneKind.PartialResume)]
    [InlineData("未能在停机前缴费的,请务必在2020年9月18日8时后及时办理相关业务。", MilestoneKind.PartialResume)]
    [InlineData("2021年11月26日17:00停止门诊慢性病的线上申请。", MilestoneKind.ApplicationCutoff)]
    [InlineData("2021年11月26日起停止受理异地备案。", MilestoneKind.ApplicationCutoff)]
    [InlineData("2021年11月30日12:00前完成参保登记的审核。", MilestoneKind.ApplicationCutoff)]
    [InlineData("2021年10月25日24时前，在老系统中完成业务的全流程办理。", MilestoneKind.ApplicationCutoff)]
    [InlineData("2021年10月20日，对未缴费单位名单进行作废处理，待新医保系统上线后再批量上传。", MilestoneKind.Other)]
    [InlineData("2021年10月20日之前有结算费用的在院病人务必在停机前办理出院结算。", MilestoneKind.Other)]
    [InlineData("2021年11月29日起，窗口收取纸质材料复印件。", MilestoneKind.Other)]
    public void Keywords_around_a_date_give_its_kind(string sentence, MilestoneKind kind) =>
        Assert.Equal(kind, Assert.Single(NoticeParser.Parse(sentence)).Kind);

    [Theory]
    [InlineData("2021年12月12日正式启用新平台。停机期间垫付的费用，请于2022年3月31日前办理零星报销。")]
    [InlineData("2021年12月12日正式启用新平台。停机期间住院信息补录截止日期为2021年12月31日。")]
    [InlineData("2021年12月12日正式启用新平台。停机期间的住院信息补录于2021年12月31日截止。")]
    [InlineData("2021年12月12日正式启用新平台。2021年12月31日前完成停机期间费用的上传。")]
    public void A_deadline_after_go_live_is_a_catch_up_deadline(string text)
    {
        var proposals = NoticeParser.Parse(text);

        Assert.Equal([MilestoneKind.GoLive, MilestoneKind.CatchUpDeadline], proposals.Select(p => p.Kind));
    }

    [Fact]
    public void A_reimbursement_deadline_before_go_live_is_an_application_cutoff()
    {
        var proposals = NoticeParser.Parse("2021年10月25日前，完成各类零报业务的拨付登记。2021年11月10日正式启用国家系统。");

        Assert.Equal([MilestoneKind.ApplicationCutoff, MilestoneKind.GoLive], proposals.Select(p => p.Kind));
    }

    [Fact]
    public void Each_date_of_a_sentence_takes_the_kind_of_its_own_clause()
    {
        var proposals = NoticeParser.Parse("定于2021年10月30日24时停止使用“衡阳系统”（含两定机构医保端），11月10日正式启用“国家系统”。");

        Assert.Equal(
            [(MilestoneKind.SystemStop, "2021-10-30 24:00"), (MilestoneKind.GoLive, "2021-11-10")],
            proposals.Select(p => (p.Kind, p.LocalTime)));
    }
}
