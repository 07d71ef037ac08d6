using System.Globalization;

namespace Dashboard.Core.Records;

/// <summary>
/// Sort keys that put patient names in the order a Chinese clerk expects: ICU's zh-CN collation
/// orders Han characters by pinyin (阿, 李, 王, 张), where code points would not. Stored with the
/// record so the database sorts and pages by it; SQLite compares BLOBs byte by byte, as sort keys require.
/// </summary>
public static class PatientNameCollation
{
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    public static byte[] SortKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Chinese.GetSortKey(name, CompareOptions.None).KeyData;
    }
}
