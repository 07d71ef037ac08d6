using Dashboard.Core;
using Dashboard.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Dashboard.Core on a real SQLite file with a test clock.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddTestCore(this IServiceCollection services, TempDatabase database, TimeProvider clock, bool demoMode = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Dashboard"] = database.ConnectionString,
                ["Dashboard:DemoMode"] = demoMode.ToString(),
                ["Dashboard:DataFolder"] = database.Folder,
            })
            .Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        services.AddSingleton(clock);
        return services;
    }

    /// <summary>Creates, migrates and seeds the database as the app does on first start.</summary>
    public static async Task SeedAsync(TempDatabase database, TimeProvider clock, bool demoMode = true)
    {
        await using var provider = new ServiceCollection().AddTestCore(database, clock, demoMode).BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
