using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Axe;

/// <summary>
/// Runs the vendored axe-core in a page and reports the violations a user of assistive technology
/// is blocked or seriously hindered by (impact serious or critical), and any break in the page structure.
/// </summary>
internal static class AxeAudit
{
    private const int ShownNodes = 3;

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(AxeAudit).Assembly.GetManifestResourceStream("axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>
    /// Moderate rules held to as well: the page structure a screen-reader user navigates by (one main
    /// landmark, one h1, no skipped heading levels) was fixed once and should not slip back.
    /// </summary>
    private static readonly string[] StructureRules = ["landmark-one-main", "page-has-heading-one", "heading-order"];

    /// <summary>The serious, critical and structure violations on the page as it is now, one readable block each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // The app's Content-Security-Policy refuses inline script tags (AddScriptTagAsync); evaluating
        // the source through the DevTools protocol is allowed and leaves the policy under test intact.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }

        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations)");
        using var document = JsonDocument.Parse(json);
        var url = page.Url;
        return [.. document.RootElement.EnumerateArray()
            .Where(v => BlockingImpacts.Contains(v.GetProperty("impact").GetString())
                || StructureRules.Contains(v.GetProperty("id").GetString()))
            .Select(v => Describe(url, v))];
    }

    /// <summary>Fails with every violation spelled out, so the message alone says what to fix and where.</summary>
    public static void AssertNone(IReadOnlyCollection<string> violations) =>
        Assert.True(violations.Count == 0,
            $"{violations.Count} serious, critical or page-structure accessibility violation(s):\n" + string.Join("\n", violations));

    private static string Describe(string url, JsonElement violation)
    {
        var nodes = violation.GetProperty("nodes");
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{url}: {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}), {nodes.GetArrayLength()} element(s): {violation.GetProperty("help").GetString()}");
        foreach (var node in nodes.EnumerateArray().Take(ShownNodes))
        {
            var target = string.Join(" > ", node.GetProperty("target").EnumerateArray().Select(t => t.ToString()));
            var summary = node.TryGetProperty("failureSummary", out var s) ? s.GetString()?.ReplaceLineEndings(" ") : null;
            text.Append(CultureInfo.InvariantCulture, $"\n    {target}\n      {summary}");
        }

        return text.ToString();
    }
}
