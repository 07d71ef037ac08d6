using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>
/// The app's own UI texts, read from its resources (Chinese by default, English on request), so the
/// browser tests find a label the way a user reads it and a change of wording breaks no test.
/// </summary>
internal static class Ui
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private static readonly ResourceManager Resources = new("Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The Chinese (default) text of a key, formatted with its arguments.</summary>
    public static string Text(string key, params object[] args) => In(Chinese, key, args);

    /// <summary>The text of a key in the given UI culture, formatted with its arguments.</summary>
    public static string In(string culture, string key, params object[] args)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var text = Resources.GetString(key, info) ?? throw new KeyNotFoundException($"The app has no text '{key}'.");
        return args.Length == 0 ? text : string.Format(info, text, args);
    }

    /// <summary>A form label as the app shows it: the text, marked " *" when the field is required.</summary>
    public static Regex Label(string key, string culture = Chinese) =>
        new("^" + Regex.Escape(In(culture, key)) + @"( \*)?$");

    /// <summary>A text with its arguments left open: each {n} matches the pattern given for it.</summary>
    public static Regex Matching(string culture, string key, params string[] argumentPatterns)
    {
        var parts = Regex.Split(In(culture, key), @"\{(\d+)\}");
        var pattern = string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : argumentPatterns[int.Parse(part, CultureInfo.InvariantCulture)]));
        return new Regex(pattern);
    }

    /// <summary>The whole text and nothing else (a name that other names contain, such as 保存 in 保存并继续登记).</summary>
    public static Regex Exactly(string key, string culture = Chinese) => new("^" + Regex.Escape(In(culture, key)) + "$");
}
