using static Dashboard.Core.Plans.MilestoneKind;

namespace Dashboard.Core.Seeding;

/// <summary>
/// The five regions of SPEC section 3, entered from their notices (shared/seeds). Times are
/// local (Asia/Shanghai) exactly as the notices write them.
/// </summary>
public static class SeededRegions
{
    private const string Agency = "医保经办机构";
    private const string Facilities = "定点医药机构";
    private const string Tax = "税务部门";

    public static IReadOnlyList<Region> All() => [Hefei(), Hengyang(), Panzhihua(), Xinzhou(), Zhejiang()];

    public static Region Hefei() =>
        new SeedPlanBuilder("hefei", "合肥", "Hefei", 1, new CutoverPlan
        {
            OldSystemNameZh = "合肥市\"三保\"合一业务经办系统",
            OldSystemNameEn = "Hefei \"three insurances in one\" business system",
            NewSystemNameZh = "国家（安徽省）医疗保障信息平台",
            NewSystemNameEn = "National (Anhui) Healthcare Security Information Platform",
            CatchUpRuleKind = CatchUpRuleKind.WorkingDaysAfterGoLive,
            CatchUpWorkingDays = 10,
            CatchUpRuleFromNotice = false,
            SourceNotice = "国家（安徽省）医疗保障信息平台合肥上线在途业务操作指引（2021-11-29）",
        })
        .At("2021-11-26 17:00", ApplicationCutoff, "停止门诊慢性病（特殊病）、流产津贴线上申请", "Online applications for chronic/special outpatient disease and abortion allowance stop", Agency)
        .At("2021-11-29", Other, "窗口开始收取申请材料纸质复印件", "Windows start taking paper copies of application materials", Agency)
        .At("2021-11-30 12:00", ApplicationCutoff, "完成参保登记审核、职工转移、退休、退费等业务", "Agency finishes enrollment reviews, employee transfers, retirements and refunds", Agency)
        .At("2021-11-30", ApplicationCutoff, "停止办理医保个账清算业务", "Personal-account clearing stops", Agency)
        .At("2021-11-30 18:00", SystemStop, "老系统停止使用；住院出院结算截止；生育及单病种取消入院登记", "Old system stops; inpatient discharge settlement deadline; maternity and single-disease admissions cancelled", Facilities,
            noteZh: "2021-10-20 之前有结算费用的在院病人（原则上 2021-11-24 之前有处方明细费用的）须在停机前办理医保出院结算再转自费；停机期间费用在新平台上线后按一次住院补传，免收门槛费。",
            noteEn: "Inpatients with fees before 2021-10-20 (in principle before 2021-11-24) settle and convert to self-pay before the stop; outage fees are uploaded after go-live as one hospitalization with the deductible waived.")
        .At("2021-12-12 08:00", GoLive, "新平台正式启用", "New platform live", Agency)
        .Build();

    public static Region Hengyang() =>
        new SeedPlanBuilder("hengyang", "衡阳", "Hengyang", 2, new CutoverPlan
        {
            OldSystemNameZh = "衡阳系统（创智、泰阳、殷华）",
            OldSystemNameEn = "Hengyang systems (Chuangzhi, Taiyang, Yinhua)",
            NewSystemNameZh = "国家系统",
            NewSystemNameEn = "National system",
            CatchUpRuleKind = CatchUpRuleKind.WorkingDaysAfterGoLive,
            CatchUpWorkingDays = 10,
            CatchUpRuleFromNotice = false,
            SourceNotice = "关于做好医保信息系统停机切换及在途业务处理工作的紧急通知",
        })
        .At("2021-10-12", Other, "定点机构打印并提交 9 月 30 日前结算申报表", "Institutions print and submit settlement declarations up to 09-30", Facilities)
        .At("2021-10-15", ApplicationCutoff, "完成参保登记及信息变更审核", "Enrollment and information-change reviews finished", Agency)
        .At("2021-10-20", ApplicationCutoff, "关闭税务通道；完成缴款审核；暂停异地就医备案和转诊转院审核", "Tax interfaces closed; payment audit done; remote-care filing and referral reviews suspended", Tax)
        .At("2021-10-25 24:00", ApplicationCutoff, "不得存在在途业务；在院病人完成结算或取消入院；打印 10 月份结算申报表", "No in-flight business may remain; inpatients settled or admission cancelled; October declarations printed", Facilities)
        .At("2021-10-29", Other, "完成 10 月份出院结算审核及基金拨付", "October discharge reviews and fund payments done", Agency)
        .At("2021-10-30", Other, "完成市内跨行政区基金清算", "Inter-district fund clearing done", Agency)
        .At("2021-10-30 24:00", SystemStop, "衡阳系统停止使用", "Old system stops", Agency)
        .At("2021-11-10", GoLive, "国家系统正式启用", "National system live", Agency)
        .Build();

    public static Region Panzhihua() =>
        new SeedPlanBuilder("panzhihua", "攀枝花", "Panzhihua", 3, new CutoverPlan
        {
            OldSystemNameZh = "社会保险综合柜员制系统",
            OldSystemNameEn = "Social insurance integrated teller system",
            NewSystemNameZh = "全省社保信息系统",
            NewSystemNameEn = "Provincial social insurance information system",
            CatchUpRuleKind = CatchUpRuleKind.WorkingDaysAfterGoLive,
            CatchUpWorkingDays = 10,
            CatchUpRuleFromNotice = true,
            SourceNotice = "关于停机切换使用全省社保信息系统期间暂停办理医疗保障经办业务有关问题的通知",
        })
        .At("2020-09-10 17:00", ApplicationCutoff, "停机前缴费截止", "Contribution payments before the outage", Agency)
        .At("2020-09-11 00:00", SystemStop, "系统停机", "System stops", Agency)
        .At("2020-09-18 08:00", PartialResume, "恢复缴费业务", "Contribution business resumes", Agency)
        .At("2020-09-20 24:00", GoLive, "停机结束，系统恢复运行", "Outage ends (system restored)", Agency,
            noteZh: "参保人员在系统恢复后 10 个工作日内回定点机构补办结算；已出院病人由定点机构在 10 个工作日内通知。",
            noteEn: "Patients return within 10 working days after restoration to settle; discharged inpatients are notified within 10 working days.")
        .At("2020-12-31", MilestoneKind.CatchUpDeadline, "市外门诊特殊疾病报销材料提交截止", "Out-of-town special-outpatient reimbursement materials deadline", Agency)
        .Build();

    public static Region Xinzhou() =>
        new SeedPlanBuilder("xinzhou", "忻州", "Xinzhou", 4, new CutoverPlan
        {
            OldSystemNameZh = "社会保险管理信息系统医保子系统",
            OldSystemNameEn = "Social insurance management system, medical insurance subsystem",
            NewSystemNameZh = "国家（山西省）医疗保障信息平台",
            NewSystemNameEn = "National (Shanxi) Healthcare Security Information Platform",
            CatchUpRuleKind = CatchUpRuleKind.WorkingDaysAfterGoLive,
            CatchUpWorkingDays = 10,
            CatchUpRuleFromNotice = false,
            SourceNotice = "忻州市医疗保障局关于切换国家医疗保障信息平台系统停机公告",
        })
        .At("2021-10-11", Other, "定点机构报送 9 月份费用单据", "Institutions submit September bills", Facilities)
        .At("2021-10-14", Other, "经办机构完成支付确认", "Agencies confirm payment", Agency)
        .At("2021-10-19 17:00", ApplicationCutoff, "完成征缴对账；住院出院结算截止；长期住院精神类患者中结转自费", "Tax reconciliation; inpatient discharge settlement deadline; long-stay psychiatric inpatients mid-settled to self-pay", Facilities)
        .At("2021-10-20", Other, "作废未缴费单位名单及流水号", "Unpaid-unit lists voided", Agency)
        .At("2021-10-21 17:00", ApplicationCutoff, "门诊整月处方截止", "Outpatient full-month prescriptions deadline", Facilities)
        .At("2021-10-21 18:00", SystemStop, "旧系统停止使用", "Old system stops", Agency)
        .At("2021-10-31 22:00", GoLive, "新医保系统正式启用（预计）", "New system live (expected)", Agency, estimated: true)
        .Build();

    public static Region Zhejiang() =>
        new SeedPlanBuilder("zhejiang", "浙江省本级", "Zhejiang provincial level", 5, new CutoverPlan
        {
            OldSystemNameZh = "省本级现有医保信息系统",
            OldSystemNameEn = "Provincial-level medical insurance system",
            NewSystemNameZh = "浙江省\"智慧医保\"",
            NewSystemNameEn = "Zhejiang \"Smart Medical Insurance\"",
            CatchUpRuleKind = CatchUpRuleKind.FixedDate,
            CatchUpFixedDate = new DateOnly(2022, 12, 31),
            CatchUpRuleFromNotice = true,
            SourceNotice = "浙江省医疗保障事业管理服务中心关于停机切换国家医疗保障信息平台的通告",
        })
        .At("2022-02-01", Other, "预计停机后出院的新入院病人按自费入院", "New admissions expected to leave after the outage are admitted as self-pay", Facilities)
        .At("2022-02-06 00:00", BusinessStop, "业务经办停机", "Agency business stops", Agency)
        .At("2022-02-10 00:00", SettlementStop, "实时结算停机", "Real-time settlement stops", Facilities)
        .At("2022-02-15 00:00", GoLive, "\"智慧医保\"平台正式启用", "New platform live", Agency)
        .At("2022-12-31", MilestoneKind.CatchUpDeadline, "停机期间垫付费用零星报销截止", "Last day for manual reimbursement of outage advances", Agency)
        .Build();
}
