using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>
/// The one theme of the app: system CJK fonts (nothing is fetched from the internet) and a palette
/// whose every colour reads at 4.5:1 or better as text on white and on the page background, and
/// carries white text as a filled chip (WCAG AA; MudBlazor's defaults reach only 2.2 to 3.7:1).
/// </summary>
internal static class DashboardTheme
{
    private static readonly string[] FontStack =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#00796b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#b25000",
            Error = "#c62828",
            TextSecondary = "#5f6368",
            AppbarBackground = "#17406f",
            Background = "#f4f6f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
    };
}
