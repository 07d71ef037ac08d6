namespace Dashboard.Core.Plans.Notices;

/// <summary>A notice's title: its first line that announces something (公告, 通知, 通告), else its first line.</summary>
public static class NoticeTitle
{
    private static readonly string[] Announces = ["公告", "通知", "通告"];

    public static string? Find(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('#', ' ', '　').Trim()).Where(line => line.Length is > 0 and <= 300).Take(12).ToList();
        return lines.FirstOrDefault(line => Announces.Any(word => line.Contains(word, StringComparison.Ordinal))) ?? lines.FirstOrDefault();
    }
}
