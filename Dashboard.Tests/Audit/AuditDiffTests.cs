using Dashboard.Components.Shared;
using Dashboard.Core.Audit;
using Dashboard.Core.Records;
using Dashboard.Core.Time;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Audit;

/// <summary>A record's history reads as the clerk's own words: labels, values and local times, never field names or UTC.</summary>
public sealed class AuditDiffTests
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Default;

    private static List<string> Changes(string entityType, string before, string after, string culture)
    {
        using var _ = new UiCulture(culture);
        var entry = new AuditEvent { UserName = "desk", Action = AuditActions.Update, EntityType = entityType, BeforeJson = before, AfterJson = after };
        return AuditDiff.Changes(entry, TestLocalizer.Create(), Shanghai).ToList();
    }

    [Fact]
    public void A_held_patients_status_category_and_times_read_in_chinese_and_local_time()
    {
        var changes = Changes("HeldPatient",
            """{"Status":"Settled","Category":"InpatientSpanningOutage","AdmittedUtc":"2021-11-29T01:30:00Z","NewPlatformNumber":null,"InsuranceType":"Employee","IdDocumentType":"ResidentId","AmountAdvanced":1280.5,"InvoiceNumbers":["FP1"],"Notes":"a"}""",
            """{"Status":"Closed","Category":"OutpatientAdvance","AdmittedUtc":"2021-11-29T02:00:00Z","NewPlatformNumber":"X","InsuranceType":"Resident","IdDocumentType":"Passport","AmountAdvanced":1300,"InvoiceNumbers":["FP1","FP2"],"Notes":"a"}""",
            "zh-CN");

        Assert.Equal(
        [
            "状态：已结算 → 已办结",
            "类别：跨停机在院 → 门诊 / 门特 / 购药垫付",
            "入院时间：2021-11-29 09:30 → 2021-11-29 10:00",
            "新平台登记 / 结算号：— → X",
            "参保类型：职工 → 居民",
            "证件类型：居民身份证 → 护照",
            "垫付金额（元）：1280.50 → 1300.00",
            "发票号：FP1 → FP1, FP2",
        ], changes);
    }

    [Fact]
    public void The_same_change_reads_in_english()
    {
        var changes = Changes("HeldPatient", """{"Status":"Settled","DischargedUtc":null}""", """{"Status":"Closed","DischargedUtc":"2026-12-06T06:40:00Z"}""", "en");

        Assert.Equal(["Status: Settled → Closed", "Discharged: — → 2026-12-06 14:40"], changes);
    }

    [Fact]
    public void Paper_forms_and_milestones_name_their_own_kinds_and_statuses()
    {
        var form = Changes("PaperForm",
            """{"Kind":"TransferReferral","Status":"Received","SignedAndStamped":false,"IssuedUtc":"2026-11-21T07:00:00Z"}""",
            """{"Kind":"RemoteCareFiling","Status":"BackEntered","SignedAndStamped":true,"IssuedUtc":"2026-11-21T08:00:00Z"}""",
            "zh-CN");
        var milestone = Changes("Milestone",
            """{"Kind":"GoLive","Status":"Pending","DueUtc":"2026-12-06T14:40:00Z","Precision":"Minute","IsEstimated":true}""",
            """{"Kind":"GoLive","Status":"Done","DueUtc":"2026-12-06T16:00:00Z","Precision":"Day","IsEstimated":false}""",
            "zh-CN");

        Assert.Equal(["单据类型：转院转诊登记表 → 异地就医备案表", "状态：已收 → 已补录", "已签字盖章：否 → 是", "开具时间：2026-11-21 15:00 → 2026-11-21 16:00"], form);
        Assert.Equal(["状态：待完成 → 已完成", "时间：2026-12-06 22:40 → 2026-12-07", "预计时间：是 → 否"], milestone);
    }

    [Fact]
    public void Unknown_fields_values_and_broken_snapshots_fall_back_to_what_was_stored()
    {
        var changes = Changes("HeldPatient",
            """{"Status":"Logged","Flavour":"old","Nested":{"a":1}}""",
            """{"Status":"Archived","Flavour":"new","Nested":{"a":2},"Added":3}""",
            "zh-CN");

        Assert.Equal(["状态：已登记 → Archived", "Flavour：old → new", """Nested：{"a":1} → {"a":2}""", "Added：— → 3"], changes);
        Assert.Empty(Changes("HeldPatient", "not json", """{"Status":"Closed"}""", "zh-CN"));
        Assert.Empty(Changes("HeldPatient", "[1]", """{"Status":"Closed"}""", "zh-CN"));
    }

    [Theory]
    [InlineData("zh-CN", "时间：2026-12-06 22:40 → 2026-12-07 24:00", "状态：待完成 → 已错过")]
    [InlineData("en", "Time: 2026-12-06 22:40 → 2026-12-07 24:00", "Status: Pending → Missed")]
    public void A_milestone_moved_to_24_00_reads_as_the_notice_wrote_it_in_the_regions_zone(string culture, string time, string status)
    {
        var changes = Changes("Milestone",
            """{"Kind":"GoLive","Status":"Pending","DueUtc":"2026-12-06T14:40:00Z","Precision":"Minute","WrittenAsEndOfDay":false}""",
            """{"Kind":"GoLive","Status":"Missed","DueUtc":"2026-12-07T16:00:00Z","Precision":"Minute","WrittenAsEndOfDay":true}""",
            culture);

        Assert.Equal([status, time], changes);
        Assert.DoesNotContain(changes, c => c.Contains("Utc", StringComparison.Ordinal) || c.Contains('Z', StringComparison.Ordinal));
    }

    [Fact]
    public void A_milestone_made_date_only_on_the_same_day_shows_the_date()
    {
        var changes = Changes("Milestone",
            """{"DueUtc":"2021-10-19T16:00:00Z","Precision":"Minute","WrittenAsEndOfDay":true}""",
            """{"DueUtc":"2021-10-19T16:00:00Z","Precision":"Day","WrittenAsEndOfDay":false}""",
            "zh-CN");

        Assert.Equal(["时间：2021-10-19 24:00 → 2021-10-20"], changes);
    }

    [Fact]
    public void A_period_given_an_end_and_a_condition_reads_as_the_notice_wrote_them()
    {
        var changes = Changes("Milestone",
            """{"DueUtc":"2020-09-09T16:00:00Z","Precision":"Day","WrittenAsEndOfDay":false,"EndUtc":null,"EndPrecision":"Minute","EndWrittenAsEndOfDay":false,"IsConditional":false,"ConditionZh":null}""",
            """{"DueUtc":"2020-09-09T16:00:00Z","Precision":"Day","WrittenAsEndOfDay":false,"EndUtc":"2020-09-17T16:00:00Z","EndPrecision":"Minute","EndWrittenAsEndOfDay":true,"IsConditional":true,"ConditionZh":"视情况提前或推迟"}""",
            "zh-CN");

        Assert.Equal(["结束时间：— → 2020-09-17 24:00", "有条件（视情况提前或推迟）：否 → 是", "条件（中文）：— → 视情况提前或推迟"], changes);
    }
}
