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
}
