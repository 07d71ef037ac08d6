using System.Globalization;

namespace Dashboard.Core.Plans;

/// <summary>Text entered in Chinese and English; the UI picks by its current culture.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string In(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(En) ? Zh : En;

    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
