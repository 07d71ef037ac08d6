using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Core.Persistence;
using Dashboard.Tools.Benchmarks;
using Dashboard.Tools.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Tools.Commands;

/// <summary>
/// The tools' commands:
/// <c>generate-demo-data --held-patients 200000 [--seed 1]</c> adds synthetic records to the app's database;
/// <c>benchmark-held-patients [--rows 200000] [--iterations 40] [--sql]</c> measures on a temporary database;
/// <c>benchmark-bulk-insert [--rows 200000] [--runs 3]</c> measures the bulk intake against the form's path;
/// <c>benchmark-import [--rows 10000] [--runs 3]</c> measures an Excel import: reading the workbook, the preview's dry run, the commit;
/// <c>benchmark-export [--rows 200000] [--runs 3]</c> measures the catch-up export end to end, its writer, plain MiniExcel and ClosedXML;
/// <c>benchmark-api-load [--provider sqlite|postgres|both] [--writers 20] [--seconds 60] [--batch 1]</c> loads the HIS API of the built app on each database;
/// <c>verify-audit</c> checks the audit trail's hash chain in the app's database (exit code 1 when broken);
/// <c>backup [--database file] [--output folder]</c> writes a checked online backup of a SQLite database.
/// hidden, for tests: <c>import-file</c> (see <see cref="ImportFileCommand"/>).
/// </summary>
public static class ToolCommands
{
    /// <summary>Parses and runs one command line; messages go to the given writers.</summary>
    public static Task<int> InvokeAsync(IReadOnlyList<string> args, ToolContext context, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Create(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);

    public static RootCommand Create(ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RootCommand("Cutover Dashboard tools: synthetic data, benchmarks, audit verification, backups.")
        {
            GenerateDemoData(context),
            VerifyAuditCommand.Create(context),
            BackupCommand.Create(context),
            BenchmarkHeldPatients(context),
            BenchmarkBulkInsert(context),
            BenchmarkExport(context),
            BenchmarkImport(context),
            CircuitBenchmark.Create(context, SelfCommandUnderAppRuntime),
            CircuitBenchmark.CreateServer(context),
            FirstLoadBenchmark.Create(),
            ApiLoadBenchmark.Create(context),
            ExportWorker(context),
            ImportFileCommand.Create(),
        };
    }

    private static Command GenerateDemoData(ToolContext context)
    {
        var count = PositiveNumber("--held-patients", "How many held patients to add.", 1000);
        var seed = new Option<int>("--seed") { Description = "Seed of the random data.", DefaultValueFactory = _ => 1 };
        var command = new Command("generate-demo-data", "Adds synthetic held patients to the app's database (the same configuration and data folder as the app).")
        {
            count,
            seed,
        };
        command.SetAction((parse, cancellationToken) => ReportingFailures(parse, async output =>
        {
            var configuration = context.LoadConfiguration();
            await using var services = context.BuildServices(configuration, logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole());
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            var total = parse.GetValue(count);
            var progress = new WriteProgress(written => output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0:N0} / {1:N0}", written, total)));
            var written = await services.GetRequiredService<SyntheticHeldPatientGenerator>().GenerateAsync(total, parse.GetValue(seed), progress, cancellationToken);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "Added {0:N0} synthetic held patients.", written));
        }));
        return command;
    }

    /// <summary>Runs on a throwaway SQLite file (WAL, same migrations and seed) so real data is never touched.</summary>
    private static Command BenchmarkHeldPatients(ToolContext context)
    {
        var rows = PositiveNumber("--rows", "Held patients in the benchmark database.", 200_000);
        var iterations = PositiveNumber("--iterations", "Measured runs of each scenario.", 40);
        var sql = new Option<bool>("--sql") { Description = "Print every SQL statement, to see what a slow scenario sends to SQLite." };
        var command = new Command("benchmark-held-patients", "Measures the held-patient list and saves on a temporary database of N records.")
        {
            rows,
            iterations,
            sql,
        };
        command.SetAction((parse, cancellationToken) => ReportingFailures(parse, async output =>
        {
            var printSql = parse.GetValue(sql);
            await using var databases = new ThrowawayDatabases(context);
            await using var services = await databases.CreateAsync(logging => logging
                .AddFilter(level => printSql && level >= LogLevel.Information)
                .AddSimpleConsole(), cancellationToken);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "benchmark database: {0}", databases.Last));
            await services.GetRequiredService<HeldPatientBenchmark>().RunAsync(parse.GetValue(rows), parse.GetValue(iterations), output, cancellationToken);
        }));
        return command;
    }

    private static Command BenchmarkBulkInsert(ToolContext context) => RunsOnThrowawayDatabases(
        context, "benchmark-bulk-insert", "Measures the bulk intake (validated, audited, a transaction per batch) against the form's one-row path, on temporary databases.",
        PositiveNumber("--rows", "Held patients to insert in each run.", 200_000), BulkInsertBenchmark.RunAsync);

    private static Command BenchmarkImport(ToolContext context) => RunsOnThrowawayDatabases(
        context, "benchmark-import", "Measures an Excel import of held patients: reading the workbook, the preview's dry run, and validate + duplicates + commit.",
        PositiveNumber("--rows", "Held patients in the workbook (at most one import's limit).", Dashboard.Core.Import.ImportWorkbookReader.MaxRows),
        (rows, runs, newDatabase, output, cancellationToken) =>
            ImportBenchmark.RunAsync(Math.Min(rows, Dashboard.Core.Import.ImportWorkbookReader.MaxRows), runs, newDatabase, output, cancellationToken));

    /// <summary>A benchmark of N rows, each of its runs on a new throwaway database, with the app's logging off.</summary>
    private static Command RunsOnThrowawayDatabases(
        ToolContext context, string name, string description, Option<int> rows,
        Func<int, int, Func<CancellationToken, Task<ServiceProvider>>, TextWriter, CancellationToken, Task> benchmark)
    {
        var runs = PositiveNumber("--runs", "Runs, each on a new throwaway database.", 3);
        var postgres = new Option<string?>("--postgres")
        {
            Description = "An Npgsql connection string of a PostgreSQL server: each run's throwaway database is made there instead of a SQLite file.",
        };
        var command = new Command(name, description)
        {
            rows,
            runs,
            postgres,
        };
        command.SetAction((parse, cancellationToken) => ReportingFailures(parse, async output =>
        {
            await using var databases = new ThrowawayDatabases(context, parse.GetValue(postgres));
            await benchmark(parse.GetValue(rows), parse.GetValue(runs),
                token => databases.CreateAsync(logging => logging.AddFilter(_ => false), token), output, cancellationToken);
        }));
        return command;
    }

    private static Command BenchmarkExport(ToolContext context)
    {
        var rows = PositiveNumber("--rows", "Rows to export in each scenario.", 200_000);
        var runs = PositiveNumber("--runs", "Runs of each scenario, each in its own process.", 3);
        var largeRows = PositiveNumber("--large-rows", "Rows of the writer's large run.", 1_000_000);
        var command = new Command("benchmark-export", "Measures the catch-up export end to end, its writer, plain MiniExcel and a ClosedXML export, each run in its own process.")
        {
            rows,
            runs,
            largeRows,
        };
        command.SetAction((parse, cancellationToken) => ReportingFailures(parse, async output =>
        {
            await using var databases = new ThrowawayDatabases(context);
            await using (var services = await databases.CreateAsync(logging => logging.AddFilter(_ => false), cancellationToken))
            {
                await ExportBenchmark.FillAsync(services, parse.GetValue(rows), cancellationToken);
            }

            SqliteConnection.ClearAllPools();
            await ExportBenchmark.RunAsync(parse.GetValue(rows), parse.GetValue(runs), parse.GetValue(largeRows), databases.Last!, output, SelfCommand(), context.TempFolder, cancellationToken);
        }));
        return command;
    }

    /// <summary>The export benchmark's child process: one scenario, one measurement.</summary>
    private static Command ExportWorker(ToolContext context)
    {
        var writer = new Option<string>("--writer") { Description = "Which scenario to measure.", DefaultValueFactory = _ => ExportBenchmark.OurWriter };
        writer.AcceptOnlyFromAmong(ExportBenchmark.EndToEnd, ExportBenchmark.OurWriter, ExportBenchmark.PlainMiniExcel, ExportBenchmark.ClosedXmlWriter);
        var rows = PositiveNumber("--rows", "Rows to write.", 100_000);
        var folder = new Option<string>("--folder") { Description = "Where to write the workbook.", DefaultValueFactory = _ => Path.GetTempPath() };
        var database = new Option<string?>("--database") { Description = "The data folder of the database the end-to-end export reads." };
        var command = new Command(ExportBenchmark.WorkerCommand, "Writes N rows in one scenario and prints \"seconds peakMB rows\".")
        {
            writer,
            rows,
            folder,
            database,
        };
        command.Hidden = true;
        command.SetAction((parse, _) => ReportingFailures(parse, output =>
            ExportBenchmark.RunWorkerAsync(parse.GetValue(writer)!, parse.GetValue(rows), parse.GetValue(folder)!, parse.GetValue(database), context, output)));
        return command;
    }

    internal static Option<int> PositiveNumber(string name, string description, int defaultValue) => new(name)
    {
        Description = $"{description} Default: {defaultValue.ToString(CultureInfo.InvariantCulture)}.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            result.AddError($"{name} needs a positive whole number, not '{text}'.");
            return 0;
        },
    };

    /// <summary>
    /// A failure the user can act on (no facilities, invalid settings, a failed worker) is one line
    /// on the error writer and exit code 2, not a stack trace.
    /// </summary>
    private static Task<int> ReportingFailures(ParseResult parse, Func<TextWriter, Task> run) =>
        ReportingFailures(parse, async output =>
        {
            await run(output);
            return 0;
        });

    /// <summary>As above, for a command whose own outcome is its exit code.</summary>
    internal static async Task<int> ReportingFailures(ParseResult parse, Func<TextWriter, Task<int>> run)
    {
        var configuration = parse.InvocationConfiguration;
        try
        {
            return await run(configuration.Output);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or IOException)
        {
            await configuration.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary>How to start this tools executable again: its apphost, or dotnet with its assembly.</summary>
    internal static string[] SelfCommand()
    {
        var assembly = typeof(ToolCommands).Assembly.Location;
        var apphost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(apphost) ? [apphost] : [DotnetHost(), assembly];
    }

    /// <summary>
    /// This tools executable started under the app's own runtime settings (Dashboard.runtimeconfig.json,
    /// built next to it: server GC, the thread pool's spin limit), so a server it hosts runs as the shipped one.
    /// </summary>
    internal static string[] SelfCommandUnderAppRuntime()
    {
        var runtimeConfig = Path.Combine(AppContext.BaseDirectory, "Dashboard.runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"The app's runtime settings are missing: {runtimeConfig}. Build the solution first.");
        }

        return [DotnetHost(), "exec", "--runtimeconfig", runtimeConfig, typeof(ToolCommands).Assembly.Location];
    }

    /// <summary>The dotnet host of the runtime this process runs on (the one on the PATH if it cannot be found).</summary>
    internal static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Reports on the writer's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class WriteProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
