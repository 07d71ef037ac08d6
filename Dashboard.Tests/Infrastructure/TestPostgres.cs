using System.Diagnostics;
using Npgsql;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL cluster the tests run against as well as SQLite (issue 17). run-tests.sh starts a
/// throwaway one and names it in DASHBOARD_TEST_POSTGRES; a plain <c>dotnet test</c> starts its own with
/// the same script (postgres.sh) on first use and stops it when the test process ends. Each test gets
/// its own database.
/// </summary>
internal static class TestPostgres
{
    public const string EnvironmentVariable = "DASHBOARD_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of a database on the test cluster (which need not exist yet).</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server.Value) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    /// <summary>Runs statements on the cluster's maintenance database (CREATE and DROP DATABASE).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.Value) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return given;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"cutover-test-pg-{Environment.ProcessId}");
        var port = 20000 + (Environment.ProcessId % 20000);
        var connectionString = RunScript("start", folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture)).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScript("stop", folder);
        return connectionString;
    }

    private static string RunScript(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "Dashboard.Tests", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CutoverDashboard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CutoverDashboard.sln) was not found above the test binaries.");
    }
}
