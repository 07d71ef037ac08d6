using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// A fresh database for one provider of the API load benchmark, and the settings that point the app
/// and the tool's own services at it: a SQLite file in a new temp folder, or a new PostgreSQL database
/// (created by the app at start) on a given server. Disposing drops the database and the folder.
/// </summary>
internal sealed class ApiLoadDatabase : IAsyncDisposable
{
    private readonly string? _serverConnectionString;

    private ApiLoadDatabase(string name, string dataFolder, string provider, string connectionString, string? serverConnectionString)
    {
        Name = name;
        DataFolder = dataFolder;
        _serverConnectionString = serverConnectionString;
        Settings = new Dictionary<string, string?>
        {
            ["Dashboard:DatabaseProvider"] = provider,
            ["ConnectionStrings:Dashboard"] = connectionString,
            ["Dashboard:DataFolder"] = dataFolder,
            ["Dashboard:DemoMode"] = "true",
        };
    }

    /// <summary>The provider as printed: "SQLite" or "PostgreSQL".</summary>
    public string Name { get; }

    public string DataFolder { get; }

    /// <summary>The app's settings for this database, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static ApiLoadDatabase Sqlite(string tempFolder) =>
        new("SQLite", NewFolder(tempFolder), "Sqlite", "", serverConnectionString: null);

    /// <summary>A database name no one uses on the server; the app creates it at its first start.</summary>
    public static ApiLoadDatabase Postgres(string tempFolder, string serverConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "cutover_load_" + Guid.NewGuid().ToString("N")[..12] };
        return new("PostgreSQL", NewFolder(tempFolder), "PostgreSql", builder.ConnectionString, serverConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var database = new NpgsqlConnectionStringBuilder(Settings["ConnectionStrings:Dashboard"]).Database;
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>A loopback port nothing listens on now (the OS's pick for a listener on port 0).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string NewFolder(string tempFolder)
    {
        var folder = Path.Combine(tempFolder, "cutover-api-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>A throwaway PostgreSQL cluster on a loopback port, started and stopped by the tests' <c>postgres.sh</c>.</summary>
internal sealed class ThrowawayPostgresServer : IAsyncDisposable
{
    private readonly string _folder;

    private ThrowawayPostgresServer(string folder, string connectionString)
    {
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgresServer> StartAsync(string tempFolder, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(tempFolder, "cutover-api-load-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var lines = await RunScriptAsync(cancellationToken, "start", folder, ApiLoadDatabase.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ThrowawayPostgresServer(folder, lines.Last(l => l.StartsWith("Host=", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunScriptAsync(CancellationToken.None, "stop", _folder);
    }

    private static async Task<IReadOnlyList<string>> RunScriptAsync(CancellationToken cancellationToken, params string[] args)
    {
        var script = typeof(ThrowawayPostgresServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PostgresScript")?.Value;
        if (script is null || !File.Exists(script))
        {
            throw new InvalidOperationException($"postgres.sh was not found ({script}); pass --postgres \"<connection string>\" instead.");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash for postgres.sh.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {args[0]} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
