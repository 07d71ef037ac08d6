using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>The one theme of the app: system CJK fonts (nothing is fetched from the internet).</summary>
internal static class DashboardTheme
{
    private static readonly string[] FontStack =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#00897b",
            AppbarBackground = "#17406f",
            Background = "#f4f6f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
    };
}
