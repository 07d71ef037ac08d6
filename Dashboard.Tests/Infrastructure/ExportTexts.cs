using System.Globalization;
using Dashboard.Core.CatchUp;

namespace Dashboard.Tests.Infrastructure;

internal static class ExportTexts
{
    /// <summary>The app's Chinese resources, as an export sees them.</summary>
    public static ExportText Chinese()
    {
        var localizer = TestLocalizer.Create();
        return new ExportText(key =>
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
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
