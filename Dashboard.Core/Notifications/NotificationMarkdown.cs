using System.Globalization;
using System.Text;

namespace Dashboard.Core.Notifications;

/// <summary>
/// The text group robots post, in Chinese: the groups are agencies' and hospitals' staff. It is made
/// from the <see cref="NotificationContent"/> only, so it can carry nothing the content does not.
/// </summary>
public static class NotificationMarkdown
{
    private static readonly Dictionary<MilestoneState, string> States = new()
    {
        [MilestoneState.Pending] = "待完成",
        [MilestoneState.Done] = "已完成",
        [MilestoneState.AtRisk] = "有风险",
        [MilestoneState.Missed] = "已错过",
        [MilestoneState.Late] = "逾期未完成",
    };

    private static readonly Dictionary<string, string> Actions = new()
    {
        [AuditActions.Create] = "新增节点",
        [AuditActions.Update] = "修改节点",
        [AuditActions.StatusChange] = "标记状态",
        [AuditActions.MilestoneMove] = "调整时间",
        [AuditActions.Deactivate] = "移除节点",
    };

    /// <summary>The headline: DingTalk's title, and the first line of the text.</summary>
    public static string Title(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var what = content.Event switch
        {
            NotificationEventTypes.MilestoneChanged => "时间节点变更",
            NotificationEventTypes.MilestoneDueIn24Hours => "时间节点 24 小时内到期",
            NotificationEventTypes.MilestoneDueIn1Hour => "时间节点 1 小时内到期",
            NotificationEventTypes.MilestoneLate => "时间节点逾期未完成",
            NotificationEventTypes.FacilityOverdue => "机构逾期积压达到阈值",
            NotificationEventTypes.Test => "测试消息",
            _ => content.Event,
        };
        return $"{content.Region.Name} · {what}";
    }

    public static string Text(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder().Append("### ").Append(Title(content)).Append('\n');
        if (content.Milestone is { } m)
        {
            text.Append("> **").Append(m.Title).Append("**\n");
            text.Append("> 时间：");
            if (m.PreviousLocalTime is { } previous && previous != m.LocalTime)
            {
                text.Append(previous).Append(" → ");
            }

            text.Append(m.LocalTime).Append(m.Estimated ? "（预计）" : "").Append('\n');
            text.Append("> 状态：").Append(States.GetValueOrDefault(m.State, m.State.ToString())).Append('\n');
        }

        if (content.Change is { } change)
        {
            text.Append("> 操作：").Append(Actions.GetValueOrDefault(change.Action, change.Action)).Append(" · ").Append(change.By).Append('\n');
        }

        if (content.Facility is { } f)
        {
            text.Append("> **").Append(f.Name).Append("**\n");
            text.Append(CultureInfo.InvariantCulture, $"> 逾期 {f.Overdue} 件（阈值 {f.Threshold}），待补录 {f.Outstanding} 件\n");
        }

        var local = TimeZoneInfo.ConvertTime(content.OccurredUtc, RegionTimeZone.Default);
        text.Append("\n切换看板 · ").Append(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
