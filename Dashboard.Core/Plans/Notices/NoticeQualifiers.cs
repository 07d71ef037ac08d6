using System.Text.RegularExpressions;

namespace Dashboard.Core.Plans.Notices;

/// <summary>Whether a notice only expects a date, or says it may move.</summary>
internal static partial class NoticeQualifiers
{
    /// <summary>
    /// "预计2021年10月31日22时起", "计划于…", "12月12日（暂定）". Only words before the date in its
    /// clause count: in "2月1日后新入院且预计停机后方可出院" the 预计 is about the patient, and
    /// 计划 only with a time word after it ("将用药量计划到9月14日" plans a dose, not the date).
    /// </summary>
    public static bool IsEstimated(DateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EstimatedBefore().IsMatch(context.Prefix) || EstimatedAfter().IsMatch(context.Suffix);
    }

    /// <summary>
    /// "视切换情况提前或推迟", "如果系统切换进度提前或者延后，将另行公告". Advice such as
    /// "提前或延后办理参保登记" does not count: the notice must speak of a time or progress.
    /// </summary>
    public static bool IsConditional(string sentence) => Conditional().IsMatch(sentence);

    /// <summary>A sentence without a date of its own that makes the previous one's dates conditional.</summary>
    public static bool IsConditionalFollowUp(string sentence) => FollowUp().IsMatch(sentence) && IsConditional(sentence);

    [GeneratedRegex("预计|暂定|初定|计划(?:于|在|将|自|从|定于)|拟(?:于|在|定|将)")]
    private static partial Regex EstimatedBefore();

    [GeneratedRegex(@"^\s*[（(](?:暂定|预计|待定)[)）]")]
    private static partial Regex EstimatedAfter();

    [GeneratedRegex(@"视[^。；]{0,30}?情况[^。；]{0,10}?(?:提前|推迟|延后|延迟|顺延|调整)|(?:进度|时间|日期)[^。；]{0,10}?(?:提前或者?(?:推迟|延后|延迟)|(?:推迟|延后)或者?提前)|另行(?:公告|通知|通告|告知|公布)|具体(?:时间|日期)以[^。；]{0,30}?为准|如有(?:变化|变动|调整)")]
    private static partial Regex Conditional();

    [GeneratedRegex(@"^\s*(?:如果|如遇|如有|如|若|倘若|届时)")]
    private static partial Regex FollowUp();
}
