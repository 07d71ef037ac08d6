using System.Globalization;

namespace Dashboard.Core.Plans.Notices;

/// <summary>A date from a notice with the time it gave, if any. Hour 24 is the end of <see cref="Date"/>.</summary>
internal readonly record struct NoticeTime(DateOnly Date, int? Hour, int Minute)
{
    /// <summary>The text <see cref="MilestoneTimeParser"/> reads: "2021-11-30", "2021-11-30 18:00" or "2021-10-30 24:00".</summary>
    public string ToLocalText() => Hour is { } hour
        ? string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd} {hour:00}:{Minute:00}")
        : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A date or a window as written in a notice, with where it is written.</summary>
internal sealed record NoticeDate(int Index, int Length, NoticeTime Start, NoticeTime? End)
{
    public int EndIndex => Index + Length;
}
