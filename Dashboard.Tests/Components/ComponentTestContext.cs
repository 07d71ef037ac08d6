using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Tests.Components;

/// <summary>bUnit with MudBlazor, the app's localizer and Core on a seeded SQLite file, under a fake clock.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    protected ComponentTestContext(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);

        // Two cores shared with a server, a browser and other test collections: a wait that gives
        // up after bUnit's default second fails on load, not on behaviour.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddTestCore(_database, Clock);
        Services.AddScoped<TimeTextFormatter>();

        // Record pages ask it whether their prerender already audited a record they did not find (no Routes here: never).
        Services.AddScoped<Dashboard.Security.CircuitStart>();
    }

    protected FakeTimeProvider Clock { get; }

    public Task InitializeAsync() => CoreServices.SeedAsync(_database, Clock);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
