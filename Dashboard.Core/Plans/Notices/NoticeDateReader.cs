using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Plans.Notices;

/// <summary>
/// Finds the dates a notice writes ("2021年11月30日18:00", "11月30日24时", "12月12日上午8时",
/// "11月30日（星期二）", "12月底") and windows ("11月30日至12月11日", "自…起至…止").
/// Reads text whose full-width digits and colons are already half-width.
/// </summary>
internal static partial class NoticeDateReader
{
    // Spaces inside a date ("2021 年 11 月 30 日") but never a line break: lines are sentences.
    private const string S = @"[^\S\r\n]*";
    private const string Weekday = "(?:" + S + @"[（(](?:星期|周|礼拜)[一二三四五六日天][)）])?";
    private const string Time = "(?:" + S + "(?<ampm>上午|下午|晚上|凌晨|早上|中午|晚)?" + S + @"(?<hour>\d{1,2}|零)" + S
        + "(?::" + S + @"(?<minute>\d{2})|[时点](?:" + S + @"(?<minute>\d{1,2})" + S + "分|(?<half>半))?))?";
    private const string Year = @"(?:(?<year>\d{4})" + S + "年" + S + ")?";
    private const string Start = @"(?<![\d.])" + Year + @"(?<month>\d{1,2})" + S + "月" + S
        + @"(?:(?<day>\d{1,2})" + S + "[日号]|(?<monthEnd>[底末]))" + Weekday + Time + Weekday;
    private const string WindowEnd = @"\G" + S + "(?:起" + S + ")?(?:至|到|－|—|–|-|~|～)" + S
        + "(?:" + Year + @"(?:(?<month>\d{1,2})" + S + "月" + S + @")?(?<day>\d{1,2})" + S + "[日号])?"
        + Weekday + Time + Weekday + "(?:" + S + "止)?";

    public static IReadOnlyList<NoticeDate> Read(string text, int? defaultYear)
    {
        var year = NoticeYear(text) ?? defaultYear;
        var dates = new List<NoticeDate>();
        for (var match = StartPattern().Match(text); match.Success; match = StartPattern().Match(text, match.Index + match.Length))
        {
            if (ReadStart(match, year) is not { } start)
            {
                continue;
            }

            var window = WindowEndPattern().Match(text, match.Index + match.Length);
            if (window.Success && ReadEnd(window, start) is { } end)
            {
                dates.Add(new NoticeDate(match.Index, window.Index + window.Length - match.Index, start, end));
                match = window;
                continue;
            }

            dates.Add(new NoticeDate(match.Index, match.Length, start, null));
        }

        return dates;
    }

    /// <summary>
    /// The year of the notice's first full date (its publication date or its first "2021年…日"),
    /// for dates written without one.
    /// </summary>
    private static int? NoticeYear(string text) =>
        StartPattern().Matches(text).Where(m => m.Groups["year"].Success && m.Groups["day"].Success)
            .Select(m => (int?)Number(m.Groups["year"].Value)).FirstOrDefault();

    private static NoticeTime? ReadStart(Match match, int? noticeYear)
    {
        var year = match.Groups["year"].Success ? Number(match.Groups["year"].Value) : noticeYear;
        var month = Number(match.Groups["month"].Value);
        if (year is not { } y || y < 1900 || month is < 1 or > 12)
        {
            return null;
        }

        var day = match.Groups["monthEnd"].Success ? DateTime.DaysInMonth(y, month) : Number(match.Groups["day"].Value);
        return day >= 1 && day <= DateTime.DaysInMonth(y, month) ? WithTime(match, new DateOnly(y, month, day)) : null;
    }

    /// <summary>A window's end takes what it leaves out (year, month, even the day) from its start.</summary>
    private static NoticeTime? ReadEnd(Match match, NoticeTime start)
    {
        if (!match.Groups["day"].Success && !match.Groups["hour"].Success)
        {
            return null;
        }

        var year = match.Groups["year"].Success ? Number(match.Groups["year"].Value) : start.Date.Year;
        var month = match.Groups["month"].Success ? Number(match.Groups["month"].Value) : start.Date.Month;
        var day = match.Groups["day"].Success ? Number(match.Groups["day"].Value) : start.Date.Day;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        if (date < start.Date && !match.Groups["year"].Success && match.Groups["month"].Success)
        {
            // "12月25日至1月5日": the window runs into the next year.
            date = date.AddYears(1);
        }

        return date < start.Date ? null : WithTime(match, date);
    }

    private static NoticeTime? WithTime(Match match, DateOnly date)
    {
        if (!match.Groups["hour"].Success)
        {
            return new NoticeTime(date, null, 0);
        }

        var hour = match.Groups["hour"].Value == "零" ? 0 : Number(match.Groups["hour"].Value);
        var minute = match.Groups["minute"].Success ? Number(match.Groups["minute"].Value) : match.Groups["half"].Success ? 30 : 0;
        if (match.Groups["ampm"].Value is "下午" or "晚上" or "晚" && hour is >= 1 and < 12)
        {
            hour += 12;
        }

        return hour > 24 || minute > 59 || (hour == 24 && minute > 0) ? null : new NoticeTime(date, hour, minute);
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(Start)]
    private static partial Regex StartPattern();

    [GeneratedRegex(WindowEnd)]
    private static partial Regex WindowEndPattern();
}
