using System.Collections.Concurrent;
using Dashboard.Core;
using Dashboard.Core.Persistence;
using Microsoft.Data.Sqlite;
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
                ["Dashboard:DatabaseProvider"] = database.Provider.ToString(),
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

    /// <summary>
    /// Gives the database what the app's first start creates: migrated and seeded. Seeding runs once
    /// per clock and mode into a template that each test copies (a file copy instead of every
    /// migration and the seed per test: most of the suite's time on two cores went there).
    /// </summary>
    public static async Task SeedAsync(TempDatabase database, TimeProvider clock, bool demoMode = true)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        var key = (database.Provider, demoMode, clock.GetUtcNow());
        var template = await Templates.GetOrAdd(key, _ => new Lazy<Task<TempDatabase>>(() => CreateTemplateAsync(database.Provider, clock, demoMode))).Value;
        database.CopyFrom(template);
    }

    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, bool DemoMode, DateTimeOffset Now), Lazy<Task<TempDatabase>>> Templates = new();

    private static async Task<TempDatabase> CreateTemplateAsync(DatabaseProvider databaseProvider, TimeProvider clock, bool demoMode)
    {
        var template = new TempDatabase(databaseProvider);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        await using (var provider = new ServiceCollection().AddTestCore(template, clock, demoMode).BuildServiceProvider())
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        if (databaseProvider == DatabaseProvider.PostgreSql)
        {
            // CREATE DATABASE ... TEMPLATE needs the template without connections.
            Npgsql.NpgsqlConnection.ClearAllPools();
            return template;
        }

        // Everything into the main file, so a copy of that one file is the whole database.
        await using (var connection = new SqliteConnection(template.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return template;
    }
}
