namespace Dashboard.Core.Seeding;

/// <summary>A few made-up hospitals and a pharmacy per region, for demo mode.</summary>
public static class DemoFacilities
{
    private static readonly Dictionary<string, (string Place, string AreaCode)> Places = new()
    {
        ["rehearsal"] = ("演练市", "0551"),
        ["hefei"] = ("合肥市", "0551"),
        ["hengyang"] = ("衡阳市", "0734"),
        ["panzhihua"] = ("攀枝花市", "0812"),
        ["xinzhou"] = ("忻州市", "0350"),
        ["zhejiang"] = ("浙江省", "0571"),
    };

    public static IEnumerable<Facility> For(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var (place, areaCode) = Places.GetValueOrDefault(region.Code, (region.NameZh, "010"));
        var prefix = region.Code.ToUpperInvariant()[..Math.Min(3, region.Code.Length)];
        yield return Make(region, $"{prefix}-H01", $"{place}第一人民医院", FacilityKind.Hospital, $"{areaCode}-62001001");
        yield return Make(region, $"{prefix}-H02", $"{place}中医医院", FacilityKind.Hospital, $"{areaCode}-62002002");
        yield return Make(region, $"{prefix}-C01", $"{place}城东社区卫生服务中心", FacilityKind.Clinic, $"{areaCode}-62003003");
        yield return Make(region, $"{prefix}-P01", $"{place}康民大药房", FacilityKind.Pharmacy, $"{areaCode}-62004004");
        yield return Make(region, $"{prefix}-W01", $"{place}医保经办中心服务窗口", FacilityKind.AgencyWindow, $"{areaCode}-12393");
    }

    private static Facility Make(Region region, string code, string name, FacilityKind kind, string phone) => new()
    {
        RegionId = region.Id,
        Code = code,
        Name = name,
        Kind = kind,
        ContactPhone = phone,
        Address = $"{name}门诊楼一楼医保窗口",
    };
}
