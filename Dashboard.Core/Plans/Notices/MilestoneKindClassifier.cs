using System.Text.RegularExpressions;

namespace Dashboard.Core.Plans.Notices;

/// <summary>
/// The words around a date: <see cref="Prefix"/> from the start of its clause, <see cref="Suffix"/>
/// up to the next date or the end of the sentence.
/// </summary>
internal sealed record DateContext(string Prefix, string Suffix, string Sentence, bool IsWindow)
{
    /// <summary>The context with the date itself as "@", so patterns can span it ("老系统于@停止使用").</summary>
    public string Scope => Prefix + "@" + Suffix;
}

/// <summary>
/// Guesses a date's milestone kind from keywords around it. The first rule that matches wins, so
/// the specific kinds come before the general ones.
/// </summary>
internal static partial class MilestoneKindClassifier
{
    public static MilestoneKind Classify(DateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // "待新系统上线后补录" or "停机期间" refer to another milestone, not to this date.
        var scope = RelativeReference().Replace(context.Scope, "※");
        if (context.IsWindow && OutageWindow().IsMatch(context.Suffix))
        {
            return MilestoneKind.SystemStop;
        }

        if (Reimbursement().IsMatch(scope) && (DeadlineBefore().IsMatch(context.Prefix) || DeadlineAfter().IsMatch(context.Suffix)))
        {
            return MilestoneKind.CatchUpDeadline;
        }

        if (PartialResume().IsMatch(scope) || IsContributionReopening(context, scope))
        {
            return MilestoneKind.PartialResume;
        }

        return scope switch
        {
            _ when GoLive().IsMatch(scope) => MilestoneKind.GoLive,
            _ when SettlementStop().IsMatch(scope) => MilestoneKind.SettlementStop,
            _ when SystemStop().IsMatch(scope) => MilestoneKind.SystemStop,
            _ when BusinessStop().IsMatch(scope) => MilestoneKind.BusinessStop,
            _ when ApplicationCutoff().IsMatch(scope) || DoneBefore().IsMatch(context.Suffix) => MilestoneKind.ApplicationCutoff,
            _ => MilestoneKind.Other,
        };
    }

    /// <summary>"请务必在9月18日8时后及时办理相关业务" in a sentence about contributions (缴费).</summary>
    private static bool IsContributionReopening(DateContext context, string scope) =>
        context.Sentence.Contains("缴费", StringComparison.Ordinal) && OpensAfter().IsMatch(context.Suffix)
        && scope.Contains("办理", StringComparison.Ordinal);

    [GeneratedRegex(@"待[^，。；,;]{0,20}?(?:上线|启用|恢复运行|恢复|正常运行|运行)(?:以后|之后|后)?|(?:上线|启用|恢复运行|恢复|停机|停运|切换|运行)(?:以前|以后|之前|之后|前|后|期间)")]
    private static partial Regex RelativeReference();

    /// <summary>"9月11日0时至9月20日24时停机", "11月30日18:00至12月12日08:00停机期间".</summary>
    [GeneratedRegex(@"^\s*(?:停机|停运|暂停运行|停止运行)")]
    private static partial Regex OutageWindow();

    [GeneratedRegex("补录|补办|补登记|补传|补报|零星报销|零报|报销")]
    private static partial Regex Reimbursement();

    [GeneratedRegex(@"(?:最迟|截止|截至)[^，。；,;@]{0,4}?[在于到至为]?\s*$")]
    private static partial Regex DeadlineBefore();

    [GeneratedRegex(@"^\s*(?:之|以)?前|^[^，。；,;]{0,6}截止")]
    private static partial Regex DeadlineAfter();

    [GeneratedRegex(@"部分[^，。；,;]{0,10}恢复|恢复部分|(?:缴费|征缴)[^，。；,;]{0,8}恢复|恢复[^，。；,;]{0,8}(?:缴费|征缴)")]
    private static partial Regex PartialResume();

    [GeneratedRegex(@"^\s*(?:(?:以|之)?后|起)")]
    private static partial Regex OpensAfter();

    [GeneratedRegex(@"启用|上线|恢复|正式运行|投入使用|投入运行|新[^，。；,;]{0,6}系统[^，。；,;]{0,4}运行")]
    private static partial Regex GoLive();

    [GeneratedRegex(@"(?:停止|暂停)[^，。；,;]{0,12}?(?:实时结算|联网结算|实时交易|直接结算|刷卡结算)|(?:实时结算|联网结算|实时刷卡)[^，。；,;]{0,4}?(?:停机|停止|暂停)")]
    private static partial Regex SettlementStop();

    [GeneratedRegex(@"(?:系统|平台)[^，。；,;]{0,20}?(?:停止使用|停止运行|暂停运行|停用|停运|停机)|(?:停止使用|停止运行|暂停运行|停用|停运)[^，。；,;]{0,20}?(?:系统|平台)|切换停机|停机切换")]
    private static partial Regex SystemStop();

    [GeneratedRegex(@"经办[^，。；,;]{0,8}?(?:停机|暂停|停止)|(?:暂停|停止)[^，。；,;]{0,6}?经办|(?:暂停|停止)办理[^。；]*?(?:所有|全部|各类|一切)[^。；]*?业务")]
    private static partial Regex BusinessStop();

    [GeneratedRegex(@"停止[^，。；,;]{0,20}?(?:申请|受理|申报)|截止申请|申请截止|申报截止|停止受理|(?:暂停|停止)[^，。；,;]{0,20}?(?:审核|审批|受理|准入|业务)|关闭")]
    private static partial Regex ApplicationCutoff();

    /// <summary>"11月30日12:00前完成…", "10月25日24时前，在…中完成": a date by which work must be done.</summary>
    [GeneratedRegex(@"^\s*(?:之|以)?前(?!的)[，,\s]*[^，。；,;]{0,12}?(?:完成|办理|办结|打印|开具|开药|提交|报送|申报|结清|处理|审核|取消|缴费)")]
    private static partial Regex DoneBefore();
}
