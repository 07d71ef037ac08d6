using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Api;

/// <summary>The top-level appsettings files are read from next to the binaries, per environment.</summary>
public sealed class SettingsTests
{
    /// <summary>A first start inside the bundled holiday data, whatever today's date: the rehearsal is seeded relative to it.</summary>
    private static FakeTimeProvider FirstStart() => new(TestClocks.FirstStart);

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task Demo_mode_seeds_the_rehearsal_region_only_outside_production(string environment, bool expectRehearsal)
    {
        await using var factory = new DashboardAppFactory(FirstStart(), environment);
        using var client = factory.CreateClient();

        using var regions = JsonDocument.Parse(await client.GetStringAsync("/api/regions"));

        var codes = regions.RootElement.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(expectRehearsal, codes.Contains("rehearsal"));
        Assert.Equal(expectRehearsal ? 6 : 5, codes.Count);
    }

    [Fact]
    public async Task Production_sends_hsts_over_https()
    {
        await using var factory = new DashboardAppFactory(FirstStart(), "Production");
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cutover.example") });

        using var response = await client.GetAsync("/api/regions");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
