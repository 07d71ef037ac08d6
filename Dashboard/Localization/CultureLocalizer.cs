using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Localization;

/// <summary>
/// The app's strings in one fixed culture, whatever the UI culture is: a printed slip follows the
/// patient's language, not the clerk's. Arguments are formatted in that culture too (dates, weekdays).
/// </summary>
public sealed class CultureLocalizer(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
{
    public CultureInfo Culture { get; } = culture;

    public LocalizedString this[string name] => InCulture(() => inner[name]);

    public LocalizedString this[string name, params object[] arguments] => InCulture(() => inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        InCulture(() => inner.GetAllStrings(includeParentCultures).ToList());

    // The resource localizer reads the thread's cultures when called; rendering is synchronous, so
    // setting them around the one call affects nothing else.
    private T InCulture<T>(Func<T> read)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
