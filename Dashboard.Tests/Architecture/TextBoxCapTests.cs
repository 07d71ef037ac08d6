using System.Text.RegularExpressions;

namespace Dashboard.Tests.Architecture;

/// <summary>
/// Every text box caps what the browser takes (<c>InputCap</c>): MudBlazor's default of 524,288 characters
/// lets a Chinese paste outgrow the connection's message limit, and the paste is then dropped with a
/// reconnect and no word next to the box.
/// </summary>
public sealed partial class TextBoxCapTests
{
    [Fact]
    public void Every_text_box_in_the_app_has_a_length_cap()
    {
        var components = Path.Combine(RepositoryRoot(), "Dashboard", "Components");
        var uncapped = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => TextBoxTag().Matches(File.ReadAllText(file))
                .Where(tag => !tag.Value.Contains("MaxLength=", StringComparison.Ordinal))
                .Select(tag => $"{Path.GetRelativePath(components, file)}: {tag.Value[..Math.Min(tag.Value.Length, 90)]}"))
            .ToList();

        Assert.True(Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories).Any(f => TextBoxTag().IsMatch(File.ReadAllText(f))), "no text box found: the scan looks in the wrong place");
        Assert.Empty(uncapped);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CutoverDashboard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: CutoverDashboard.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A MudTextField's opening tag, across lines, up to its first closing '>' outside quotes.</summary>
    [GeneratedRegex("""<MudTextField\b(?:"[^"]*"|[^">])*>""")]
    private static partial Regex TextBoxTag();
}
