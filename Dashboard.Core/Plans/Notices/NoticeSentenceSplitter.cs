using System.Text.RegularExpressions;

namespace Dashboard.Core.Plans.Notices;

/// <summary>Where a sentence of a notice starts and ends (the end excludes its 。；).</summary>
internal readonly record struct SentenceSpan(int Start, int End)
{
    public bool Contains(int index) => index >= Start && index < End;
}

/// <summary>
/// Cuts a notice into sentences and sentences into titles. A line is a sentence too: headings and
/// signature lines end without punctuation.
/// </summary>
internal static partial class NoticeSentenceSplitter
{
    public const int MaxTitleLength = 120;

    private static readonly char[] Ends = ['。', '；', ';', '！', '？', '!', '?', '\n', '\r'];
    private static readonly char[] ClauseEnds = ['，', ','];

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        var sentences = new List<SentenceSpan>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(Ends, start);
            end = end < 0 ? text.Length : end;
            var (from, to) = (start, end);
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            if (to > from)
            {
                sentences.Add(new SentenceSpan(from, to));
            }

            start = end + 1;
        }

        return sentences;
    }

    /// <summary>Where the clause holding <paramref name="index"/> starts: after the last comma before it.</summary>
    public static int ClauseStart(string text, SentenceSpan sentence, int index)
    {
        var comma = text.LastIndexOfAny(ClauseEnds, Math.Max(index - 1, sentence.Start), index - sentence.Start);
        return comma < 0 ? sentence.Start : comma + 1;
    }

    /// <summary>
    /// The sentence as a title: markdown and list numbering dropped. A sentence longer than
    /// <see cref="MaxTitleLength"/> is cut at clause ends around the date, marked with "…".
    /// </summary>
    public static string Title(string text, SentenceSpan sentence, NoticeDate date)
    {
        var (from, to) = (sentence.Start, sentence.End);
        if (to - from > MaxTitleLength)
        {
            if (date.EndIndex - from > MaxTitleLength)
            {
                from = ClauseStart(text, sentence, date.Index);
            }

            var lastFit = text.LastIndexOfAny(ClauseEnds, Math.Min(from + MaxTitleLength, to - 1), Math.Min(from + MaxTitleLength, to - 1) - from + 1);
            var clauseEnd = text.IndexOfAny(ClauseEnds, date.EndIndex, to - date.EndIndex);
            to = lastFit >= date.EndIndex ? lastFit : clauseEnd >= 0 ? clauseEnd : to;
        }

        var title = Clean(text[from..to]);
        var cut = from > sentence.Start || to < sentence.End;
        if (title.Length > MaxTitleLength)
        {
            (title, cut) = (title[..MaxTitleLength].TrimEnd(), true);
        }

        return cut ? title + "…" : title;
    }

    /// <summary>The sentence's text without what the notice's layout added around it.</summary>
    public static string Clean(string sentence)
    {
        var text = sentence.Replace("**", "", StringComparison.Ordinal).Trim().TrimStart('#').Trim();
        return ListMarker().Replace(text, "").Trim().TrimEnd('，', ',', '、', '：', ':').TrimEnd();
    }

    /// <summary>"1. ", "2、", "（一）", "(3)", "三、", "①" at the start of a sentence.</summary>
    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}(?:[.．、](?!\d))|[①-⑳])\s*")]
    private static partial Regex ListMarker();
}
