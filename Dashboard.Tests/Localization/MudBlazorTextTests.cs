using System.Collections;
using System.Resources;
using System.Text.RegularExpressions;
using Dashboard.Localization;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Localization;

/// <summary>MudBlazor's own texts follow the UI language: every one it ships has a Chinese and an English text.</summary>
public sealed partial class MudBlazorTextTests
{
    /// <summary>Every key of MudBlazor's built-in English resource, read from the package itself.</summary>
    public static TheoryData<string> MudBlazorKeys()
    {
        var assembly = typeof(MudLocalizer).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var reader = new ResourceReader(assembly.GetManifestResourceStream(name)!);
        var keys = new TheoryData<string>();
        foreach (var key in reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(MudBlazorKeys))]
    public void Has_chinese_and_english_text_with_the_same_placeholders(string key)
    {
        var localizer = new ResourceMudLocalizer(TestLocalizer.Create());
        string Text(string culture)
        {
            using var _ = new UiCulture(culture);
            var text = localizer[key];
            Assert.False(text.ResourceNotFound, $"{key} has no {culture} text");
            return text.Value;
        }

        var chinese = Text("zh-CN");
        var english = Text("en");

        Assert.Equal(Placeholders(english), Placeholders(chinese));
        Assert.DoesNotMatch(Han(), english);
        if (Letters().IsMatch(english))
        {
            Assert.Matches(Han(), chinese);
        }
    }

    [Fact]
    public void The_app_gives_mudblazor_the_resource_localizer()
    {
        var services = new ServiceCollection().AddDashboardUi();

        Assert.Contains(services, d => d.ServiceType == typeof(MudLocalizer) && d.ImplementationType == typeof(ResourceMudLocalizer));
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Letters();
}
