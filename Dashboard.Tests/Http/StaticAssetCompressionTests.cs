using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Http;

/// <summary>
/// A desk PC on a hospital network loads the app cold at every shift change: every stylesheet and script
/// the first page links to comes compressed, and keeps its long-lived caching. MudBlazor's own files, at
/// the fingerprinted URLs the page uses, once came uncompressed (613 KB of CSS on every cold load).
/// </summary>
public sealed partial class StaticAssetCompressionTests(StaticAssetCompressionTests.App app) : IClassFixture<StaticAssetCompressionTests.App>
{
    public sealed class App : IDisposable
    {
        public DashboardAppFactory Factory { get; } = new(new FakeTimeProvider(TestClocks.FirstStart));

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task Every_stylesheet_and_script_of_the_first_page_comes_compressed()
    {
        var client = app.Factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var assets = AssetLink().Matches(page).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));

        var uncompressed = new List<string>();
        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + asset.TrimStart('/'), UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (response.Content.Headers.ContentEncoding.Count == 0)
            {
                uncompressed.Add(asset);
            }

        }

        Assert.True(uncompressed.Count == 0, "Served uncompressed: " + string.Join(", ", uncompressed));
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>[^""]+\.(?:css|js))""")]
    private static partial Regex AssetLink();

    /// <summary>
    /// Development serves assets without long-lived caching, so the caching a fingerprinted URL keeps in
    /// production is read from the endpoint map the build wrote: every representation of a fingerprinted
    /// URL, compressed or not, is cached for good, and each compressible one has a compressed alternative.
    /// </summary>
    [Fact]
    public void Every_fingerprinted_stylesheet_and_script_has_a_compressed_alternative_that_keeps_its_caching()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dashboard.staticwebassets.endpoints.json")));
        var fingerprinted = manifest.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Where(e => e.GetProperty("EndpointProperties").EnumerateArray().Any(p => p.GetProperty("Name").GetString() == "fingerprint"))
            .Where(e => e.GetProperty("Route").GetString() is { } route && (route.EndsWith(".css", StringComparison.Ordinal) || route.EndsWith(".js", StringComparison.Ordinal)))
            .GroupBy(e => e.GetProperty("Route").GetString()!)
            .ToList();
        Assert.Contains(fingerprinted, g => g.Key.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));

        foreach (var representations in fingerprinted)
        {
            Assert.True(representations.Any(r => r.GetProperty("Selectors").GetArrayLength() > 0), $"{representations.Key} has no compressed alternative.");
            foreach (var representation in representations)
            {
                var cacheControl = representation.GetProperty("ResponseHeaders").EnumerateArray()
                    .Single(h => h.GetProperty("Name").GetString() == "Cache-Control").GetProperty("Value").GetString();
                Assert.Contains("immutable", cacheControl, StringComparison.Ordinal);
            }
        }
    }
}
