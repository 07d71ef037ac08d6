using System.Text.RegularExpressions;

namespace Dashboard.Core.Plans.Notices;

/// <summary>
/// Proposes plan milestones from a published cutover notice (SPEC section 10), by rules only:
/// every date the notice writes becomes a proposal with its kind guessed from the words around it.
/// A plan author reviews them; nothing here is final.
/// </summary>
/// <remarks>
/// Left out: the signature or publication line ("2020年9月8日印发"). Kept as <see cref="MilestoneKind.Other"/>:
/// dates inside rules ("10月20日之前有结算费用的在院病人"), because the plan often quotes them and an
/// author drops one faster than re-typing it. The end of an outage window ("9月11日0时至9月20日24时停机")
/// is also proposed as the go-live it implies.
/// </remarks>
public static partial class NoticeParser
{
    /// <param name="noticeText">The notice as plain text (markdown from a PDF conversion is fine).</param>
    /// <param name="defaultYear">
    /// The year for dates written without one ("11月30日"), used only when the notice itself writes
    /// no full date; without either such dates are skipped.
    /// </param>
    public static IReadOnlyList<ProposedMilestone> Parse(string noticeText, int? defaultYear = null)
    {
        ArgumentNullException.ThrowIfNull(noticeText);
        var text = HalfWidth(noticeText);
        var sentences = NoticeSentenceSplitter.Split(text);
        var dates = NoticeDateReader.Read(text, defaultYear);
        var proposals = new List<(int Sentence, ProposedMilestone Milestone)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var inSentence = dates.Where(d => sentence.Contains(d.Index)).ToList();
            if (inSentence.Count == 0 || IsSignature(text, sentence, inSentence))
            {
                continue;
            }

            var sentenceText = text[sentence.Start..sentence.End];
            var conditional = NoticeQualifiers.IsConditional(sentenceText) || FollowedByCondition(text, sentences, dates, i);
            for (var d = 0; d < inSentence.Count; d++)
            {
                var date = inSentence[d];
                var prefixStart = Math.Max(NoticeSentenceSplitter.ClauseStart(text, sentence, date.Index), d > 0 ? inSentence[d - 1].EndIndex : sentence.Start);
                var suffixEnd = d + 1 < inSentence.Count ? inSentence[d + 1].Index : sentence.End;
                var context = new DateContext(text[prefixStart..date.Index], text[date.EndIndex..suffixEnd], sentenceText, date.End is not null);
                var kind = MilestoneKindClassifier.Classify(context);
                var title = NoticeSentenceSplitter.Title(noticeText, sentence, date);
                var proposal = new ProposedMilestone(kind, date.Start.ToLocalText(), date.End?.ToLocalText(), NoticeQualifiers.IsEstimated(context), conditional, title);
                proposals.Add((i, proposal));
                if (date.End is { } end && kind is MilestoneKind.SystemStop or MilestoneKind.BusinessStop or MilestoneKind.SettlementStop)
                {
                    proposals.Add((i, proposal with { Kind = MilestoneKind.GoLive, LocalTime = end.ToLocalText(), EndLocalTime = null }));
                }
            }
        }

        // A sentence the text repeats word for word (a notice pasted twice, a summary restating a date) is proposed once.
        return DeadlineRules.Resolve(Distinct(proposals)).DistinctBy(p => (p.Kind, p.LocalTime, p.EndLocalTime, p.Sentence)).ToList();
    }

    /// <summary>
    /// One proposal per date and sentence. A repeat adds what the first lacked: a kind other than
    /// Other, the end of a window of the same kind, a flag.
    /// </summary>
    private static List<ProposedMilestone> Distinct(List<(int Sentence, ProposedMilestone Milestone)> proposals)
    {
        var kept = new List<ProposedMilestone>();
        var index = new Dictionary<(int, string), int>();
        foreach (var (sentence, proposal) in proposals)
        {
            if (!index.TryGetValue((sentence, proposal.LocalTime), out var at))
            {
                index[(sentence, proposal.LocalTime)] = kept.Count;
                kept.Add(proposal);
                continue;
            }

            var first = kept[at];
            var kind = first.Kind == MilestoneKind.Other ? proposal.Kind : first.Kind;
            kept[at] = first with
            {
                Kind = kind,
                // A window's end stays only with the window's own kind.
                EndLocalTime = (first.Kind == kind ? first.EndLocalTime : null) ?? (proposal.Kind == kind ? proposal.EndLocalTime : null),
                IsEstimated = first.IsEstimated || proposal.IsEstimated,
                IsConditional = first.IsConditional || proposal.IsConditional,
            };
        }

        return kept;
    }

    /// <summary>A line that is only a date, perhaps with "印发": the notice's signature, not a milestone.</summary>
    private static bool IsSignature(string text, SentenceSpan sentence, List<NoticeDate> dates)
    {
        if (dates.Count != 1)
        {
            return false;
        }

        var rest = text[sentence.Start..dates[0].Index] + text[dates[0].EndIndex..sentence.End];
        return SignatureRest().IsMatch(NoticeSentenceSplitter.Clean(rest).Replace(" ", "", StringComparison.Ordinal));
    }

    private static bool FollowedByCondition(string text, IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<NoticeDate> dates, int i)
    {
        if (i + 1 >= sentences.Count)
        {
            return false;
        }

        var next = sentences[i + 1];
        return !dates.Any(d => next.Contains(d.Index)) && NoticeQualifiers.IsConditionalFollowUp(text[next.Start..next.End]);
    }

    /// <summary>Full-width digits and colons as ASCII, one character for one so positions still match the original.</summary>
    private static string HalfWidth(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c == '：' ? ':' : c;
        }
    });

    [GeneratedRegex(@"^(?:(?:印发|发布|公布|发文|签发|成文)(?:日期|时间)?[:：]?)?(?:印发|发布|公布)?$")]
    private static partial Regex SignatureRest();
}
