using Dashboard.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dashboard.Tools.Commands;

/// <summary>
/// Throwaway databases for benchmarks, each migrated and seeded with the demo data: SQLite files (WAL) in new
/// temp folders, or new databases on a PostgreSQL server when one is given. All are deleted at the end.
/// </summary>
internal sealed class ThrowawayDatabases(ToolContext context, string? postgresServer = null) : IAsyncDisposable
{
    private readonly List<string> _folders = [];
    private readonly List<string> _postgresDatabases = [];

    public string? Last => _folders.LastOrDefault();

    public async Task<ServiceProvider> CreateAsync(Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.TempFolder, "cutover-benchmark-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:DataFolder"] = folder,
            ["Dashboard:DemoMode"] = "true",
        });
        if (postgresServer is not null)
        {
            var database = new NpgsqlConnectionStringBuilder(postgresServer) { Database = "cutover_benchmark_" + Guid.NewGuid().ToString("N")[..12] };
            _postgresDatabases.Add(database.Database!);
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dashboard:DatabaseProvider"] = nameof(DatabaseProvider.PostgreSql),
                ["ConnectionStrings:Dashboard"] = database.ConnectionString,
            });
        }

        var services = new ToolContext(folder, context.TempFolder).BuildServices(configuration.Build(), logging);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (postgresServer is not null && _postgresDatabases.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            foreach (var database in _postgresDatabases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
