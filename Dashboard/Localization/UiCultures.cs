namespace Dashboard.Localization;

public static class UiCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Chinese, English];
}
