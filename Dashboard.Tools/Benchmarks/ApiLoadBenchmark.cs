using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Tools.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// <c>benchmark-api-load</c>: N hospital systems write held patients through the HTTP API at once for a
/// fixed time, against the app as built in its own process, on a fresh SQLite file and a fresh PostgreSQL
/// database in the same run. Prints throughput, latency percentiles, errors by kind, and whether the
/// database holds exactly the rows the writers were told were created (<see cref="ApiLoadCheck"/>).
/// </summary>
internal static class ApiLoadBenchmark
{
    public const string Name = "benchmark-api-load";

    public static Command Create(ToolContext context)
    {
        var provider = new Option<string>("--provider") { Description = "Which database: sqlite, postgres or both.", DefaultValueFactory = _ => "both" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres", "both");
        var writers = ToolCommands.PositiveNumber("--writers", "Concurrent writers, each with its own facility and key.", 20);
        var seconds = ToolCommands.PositiveNumber("--seconds", "How long the writers write, per provider.", 60);
        var batch = ToolCommands.PositiveNumber("--batch", "Rows per request: 1 posts single creates, more posts batches (at most 1,000).", 1);
        var postgres = new Option<string?>("--postgres") { Description = "An Npgsql connection string of a server where a throwaway database may be created; without it a throwaway cluster is started with Dashboard.Tests/postgres.sh." };
        var app = new Option<string?>("--app") { Description = "The app's Dashboard.dll, e.g. a published one. Default: the Release build next to these tools." };
        var command = new Command(Name, "Measures N concurrent HIS API writers against each database provider: rows/s, p50/p95/p99 latency, errors, and a check that no row was lost or duplicated.")
        {
            provider, writers, seconds, batch, postgres, app,
        };
        command.SetAction((parse, cancellationToken) => ToolCommands.ReportingFailures(parse, async output =>
        {
            if (parse.GetValue(batch) > 1000)
            {
                throw new InvalidOperationException("--batch is at most 1,000 rows (the API's batch limit).");
            }

            var which = parse.GetValue(provider)!;
            var settings = new ApiLoadSettings(parse.GetValue(writers), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(batch),
                parse.GetValue(app) ?? ApiLoadApp.DefaultAssembly());
            var results = await RunAsync(context, settings, which is "sqlite" or "both", which is "postgres" or "both", parse.GetValue(postgres), output, cancellationToken);
            return results.All(r => r.Check.Passed) ? 0 : 1;
        }));
        return command;
    }

    public static async Task<IReadOnlyList<ApiLoadResult>> RunAsync(
        ToolContext context, ApiLoadSettings settings, bool sqlite, bool postgres, string? postgresServer, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0} writers, {1} row(s) a request, {2:0} s per provider; {3} cores; app: {4}",
            settings.Writers, settings.Batch, settings.Duration.TotalSeconds, Environment.ProcessorCount, settings.AppAssembly));
        var results = new List<ApiLoadResult>();
        if (sqlite)
        {
            await using var database = ApiLoadDatabase.Sqlite(context.TempFolder);
            results.Add(await RunOneAsync(context, database, settings, output, cancellationToken));
        }

        if (postgres)
        {
            await using var server = postgresServer is null ? await ThrowawayPostgresServer.StartAsync(context.TempFolder, cancellationToken) : null;
            await using var database = ApiLoadDatabase.Postgres(context.TempFolder, postgresServer ?? server!.ConnectionString);
            results.Add(await RunOneAsync(context, database, settings, output, cancellationToken));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(ApiLoadResult.Header());
        foreach (var result in results)
        {
            await output.WriteLineAsync(result.Row());
        }

        return results;
    }

    private static async Task<ApiLoadResult> RunOneAsync(ToolContext context, ApiLoadDatabase database, ApiLoadSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{database.Name}: starting the app on a fresh database ...");
        var starting = Stopwatch.StartNew();
        await using var app = await ApiLoadApp.StartAsync(settings.AppAssembly, database.Settings, cancellationToken);
        var started = starting.Elapsed;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        await using var services = new ToolContext(database.DataFolder, context.TempFolder).BuildServices(configuration, logging => logging.AddFilter(_ => false));
        var writers = await ApiLoadWritersSetup.CreateAsync(services, settings.Writers, cancellationToken);
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "  app answering at {0} after {1:0.0} s (migrated and seeded); {2} facilities and keys made; writing for {3:0} s ...",
            app.BaseAddress, started.TotalSeconds, writers.Count, settings.Duration.TotalSeconds));

        var loadBefore = LoadAverage();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Writers }) { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var outcome = await ApiLoadWriters.RunAsync(client, writers, settings.Batch, settings.Duration, cancellationToken);
        var result = new ApiLoadResult(database.Name, settings, outcome,
            await ApiLoadCheck.RunAsync(services, writers.Select(w => w.FacilityId).ToList(), outcome, cancellationToken), loadBefore, LoadAverage());
        foreach (var line in result.Details())
        {
            await output.WriteLineAsync("  " + line);
        }

        if (outcome.Errors.Keys.Any(kind => kind.StartsWith('5')))
        {
            await output.WriteLineAsync("  the app's last warnings and errors:" + Environment.NewLine + app.LastLines());
        }

        return result;
    }

    /// <summary>The 1-minute load average (Linux), to say how busy the machine was; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) && double.TryParse(File.ReadAllText(file).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}

internal sealed record ApiLoadSettings(int Writers, TimeSpan Duration, int Batch, string AppAssembly);
