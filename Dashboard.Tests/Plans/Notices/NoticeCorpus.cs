using Dashboard.Core.Plans.Notices;

namespace Dashboard.Tests.Plans.Notices;

/// <summary>The five seed notices (SPEC section 3), copied next to the tests so a clean checkout runs them.</summary>
internal static class NoticeCorpus
{
    public const string Hefei = "000_60741e77fa0d4bdb.txt";
    public const string Hengyang = "001_72b8cf70b2a75289.txt";
    public const string Panzhihua = "002_bf1644a92e8c0427.txt";
    public const string Xinzhou = "003_537ba130602661aa.txt";
    public const string Zhejiang = "004_73a51ab7715cadcf.txt";

    public static readonly string[] All = [Hefei, Hengyang, Panzhihua, Xinzhou, Zhejiang];

    public static string Text(string notice) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "Notices", "Corpus", notice));

    public static IReadOnlyList<ProposedMilestone> Parse(string notice) => NoticeParser.Parse(Text(notice));

    public static TheoryData<string> Notices() => [.. All];
}
