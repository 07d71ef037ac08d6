using Dashboard.Core.Records;
using System.Globalization;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Tools.Seeding;

/// <summary>Made-up but realistic people: common names, checksum-valid resident ID numbers, mobiles.</summary>
public sealed class SyntheticPeople(Random random)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string GivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红梅玉兰海燕宇浩然子涵欣怡梓轩雨萱晨阳思远佳怡一鸣文博嘉琪俊杰";
    private static readonly string[] MobilePrefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158", "159", "166", "177", "180", "181", "186", "187", "188", "189", "199"];

    public string Name()
    {
        var given = random.Next(3) == 0 ? 1 : 2;
        var chars = new char[1 + given];
        chars[0] = Surnames[random.Next(Surnames.Length)];
        for (var i = 1; i <= given; i++)
        {
            chars[i] = GivenChars[random.Next(GivenChars.Length)];
        }

        return new string(chars);
    }

    /// <summary>A GB 11643 resident ID number for the area, with a real birth date and a valid check character.</summary>
    public string ResidentId(string areaCode, DateOnly today)
    {
        var birth = today.AddDays(-random.Next(365, 95 * 365));
        var first17 = areaCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public string Mobile() => MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    public string Invoice() => random.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture);
}
