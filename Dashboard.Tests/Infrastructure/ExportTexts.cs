using System.Globalization;
using Dashboard.Core.CatchUp;

namespace Dashboard.Tests.Infrastructure;

internal static class ExportTexts
{
    /// <summary>The app's Chinese resources, as an export sees them.</summary>
    public static ExportText Chinese() => In("zh-CN");

    /// <summary>The app's English resources, as an export made from the English UI sees them.</summary>
    public static ExportText English() => In("en");

    private static ExportText In(string culture)
    {
        var localizer = TestLocalizer.Create();
        return new ExportText(key =>
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                return localizer[key].Value;
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });
    }
}
