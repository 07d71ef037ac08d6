namespace Dashboard.Core.Plans.Notices;

/// <summary>
/// A milestone a notice seems to state, for a plan author to accept, correct or drop.
/// <see cref="LocalTime"/> is exactly what <see cref="MilestoneTimeParser"/> reads and keeps what the
/// notice wrote: a date alone stays a date, "24时" stays "24:00" of that day.
/// </summary>
/// <param name="EndLocalTime">The end of a window ("9月10日至9月17日", "自…起至…止"); null for a single date.</param>
/// <param name="IsEstimated">The notice only expects the date (预计, 计划, 暂定, 拟).</param>
/// <param name="IsConditional">The notice says the date may move ("视…情况提前或推迟", "另行公告").</param>
/// <param name="Sentence">The sentence the date came from, cleaned of list markers: a draft title.</param>
public sealed record ProposedMilestone(
    MilestoneKind Kind,
    string LocalTime,
    string? EndLocalTime,
    bool IsEstimated,
    bool IsConditional,
    string Sentence);
