using Bunit;
using Dashboard.Components.Pages.Admin;
using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

/// <summary>The administrator's audit log reads a change in words before the stored JSON.</summary>
public sealed class AuditChangeTests() : ComponentTestContext(TestClocks.FirstStart)
{
    [Theory]
    [InlineData("zh-CN", "时间：2026-12-06 22:40 → 2026-12-07 24:00", "状态：待完成 → 有风险")]
    [InlineData("en", "Time: 2026-12-06 22:40 → 2026-12-07 24:00", "Status: Pending → At risk")]
    public void A_moved_milestone_reads_in_local_time_with_localized_labels(string culture, string time, string status)
    {
        using var _ = new UiCulture(culture);
        var entry = new AuditEvent
        {
            UserName = "supervisor", Action = AuditActions.MilestoneMove, EntityType = "Milestone", EntityId = "7",
            BeforeJson = """{"Status":"Pending","DueUtc":"2026-12-06T14:40:00Z","Precision":"Minute","WrittenAsEndOfDay":false}""",
            AfterJson = """{"Status":"AtRisk","DueUtc":"2026-12-07T16:00:00Z","Precision":"Minute","WrittenAsEndOfDay":true}""",
        };

        var change = Render<AuditChange>(p => p.Add(x => x.Event, entry));

        Assert.Equal([status, time], change.FindAll(".audit-change-line").Select(l => l.TextContent.Trim()));
    }

    [Theory]
    [InlineData("zh-CN", "原系统名称（中文）：旧系统 → 新系统", "补录期限规则：上线后若干个工作日 → 固定截止日期", "截止日期（当天有效）：— → 2027-01-15", "时区：Asia/Shanghai → Asia/Urumqi")]
    [InlineData("en", "Old system name (Chinese): 旧系统 → 新系统", "Catch-up rule: Working days after go-live → Fixed last day", "Last day (included): — → 2027-01-15", "Time zone: Asia/Shanghai → Asia/Urumqi")]
    public void A_plan_settings_change_reads_with_the_dialogs_labels(string culture, string system, string rule, string date, string zone)
    {
        using var _ = new UiCulture(culture);
        var entry = new AuditEvent
        {
            UserName = "demo-admin", Action = AuditActions.Update, EntityType = "CutoverPlan", EntityId = "3",
            BeforeJson = """{"OldSystemNameZh":"旧系统","CatchUpRuleKind":"WorkingDaysAfterGoLive","CatchUpFixedDate":null,"TimeZoneId":"Asia/Shanghai"}""",
            AfterJson = """{"OldSystemNameZh":"新系统","CatchUpRuleKind":"FixedDate","CatchUpFixedDate":"2027-01-15","TimeZoneId":"Asia/Urumqi"}""",
        };

        var change = Render<AuditChange>(p => p.Add(x => x.Event, entry));

        Assert.Equal([system, rule, date, zone], change.FindAll(".audit-change-line").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public void An_exports_list_of_200000_record_ids_is_shown_cut_with_how_much_more_there_is()
    {
        using var _ = new UiCulture("zh-CN");
        var ids = string.Join(",", Enumerable.Range(1, 200_000));
        var entry = new AuditEvent
        {
            UserName = "manager", Action = AuditActions.Export, EntityType = "CatchUpList", EntityId = "hefei",
            AfterJson = "{\"HeldPatientIds\":[" + ids + "]}",
        };

        var change = Render<AuditChange>(p => p.Add(x => x.Event, entry));

        var shown = change.Find("pre.audit-json.after").TextContent;
        Assert.True(shown.Length < 5000, $"{shown.Length} characters rendered");
        Assert.StartsWith("{\"HeldPatientIds\":[1,2,3,", shown, StringComparison.Ordinal);
        Assert.EndsWith($"（另有 {entry.AfterJson.Length - 4000} 个字符未显示，完整内容保存在审计记录中）", shown, StringComparison.Ordinal);
    }
}
