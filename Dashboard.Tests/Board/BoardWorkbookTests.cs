using ClosedXML.Excel;
using Dashboard.Core.Audit;
using Dashboard.Core.Board;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Board;

/// <summary>The board's Excel export, read back with ClosedXML as the agency's report would be.</summary>
public sealed class BoardWorkbookTests : SeededCoreTests
{
    [Fact]
    public async Task The_workbook_lists_milestones_with_their_state_and_history_and_the_facility_backlog()
    {
        using var culture = new UiCulture("zh-CN");
        var supervisor = await Core.ScopeOf("supervisor");
        var plan = (await Core.Get<CutoverPlanService>().GetPlanAsync("rehearsal"))!;
        var goLive = plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        await Core.Get<PlanEditingService>().MarkAsync(supervisor, goLive.Id, goLive.Version, MilestoneStatus.AtRisk, "接口联调未完成");
        var late = plan.Milestones.First(m => m.Status == MilestoneStatus.Pending && m.Kind != MilestoneKind.GoLive && m.DueUtc > Core.Clock.GetUtcNow());
        Core.Clock.Advance(late.LateFromUtc - Core.Clock.GetUtcNow());

        using var output = new MemoryStream();
        var fileName = await Core.Get<BoardWorkbook>().WriteAsync(supervisor, ExportTexts.Chinese(), output);

        using var workbook = new XLWorkbook(output);
        Assert.Equal(["时间节点", "节点变更历史", "机构积压"], workbook.Worksheets.Select(w => w.Name));
        var milestones = Rows(workbook.Worksheet("时间节点"));
        Assert.Equal(["统筹区", "节点", "时间", "预计", "状态", "原因", "实际完成"], milestones[0]);
        var goLiveRow = milestones.Single(r => r[0] == "演练（合肥）" && r[1] == goLive.Title.Zh);
        Assert.Equal(["演练（合肥）", goLive.Title.Zh, Dashboard.Core.Time.MilestoneTimeText.Format(goLive, plan.TimeZone), goLive.IsEstimated ? "是" : "", "有风险", "接口联调未完成"], goLiveRow.Take(6));
        Assert.Equal("逾期未完成", milestones.Single(r => r[0] == "演练（合肥）" && r[1] == late.Title.Zh)[4]);

        var history = Rows(workbook.Worksheet("节点变更历史"));
        Assert.Equal(["演练（合肥）", goLive.Title.Zh, "2026-11-22 12:00", "经办督导", "状态变更"], history[1].Take(5));
        Assert.Contains("有风险 · 接口联调未完成", history[1][5], StringComparison.Ordinal);

        var facilities = Rows(workbook.Worksheet("机构积压"));
        Assert.Equal(["统筹区", "机构", "状态", "待补录", "逾期", "最早登记", "报到"], facilities[0]);
        Assert.Contains(facilities.Skip(1), r => r[0] == "演练（合肥）" && r[2] == "需关注" && r[6] == "未报到");
        Assert.Equal(1, await Core.CountAudit(AuditActions.Export, fileName));
    }

    private static List<string[]> Rows(IXLWorksheet sheet) =>
        [.. sheet.RowsUsed().Select(r => r.Cells(1, sheet.LastColumnUsed().ColumnNumber()).Select(c => c.GetString()).ToArray())];
}
