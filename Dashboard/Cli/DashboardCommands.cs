using System.Globalization;
using Dashboard.Core;
using Dashboard.Core.Benchmarks;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;

namespace Dashboard.Cli;

/// <summary>
/// Commands run instead of the web server:
/// <c>generate-demo-data --held-patients 200000 [--seed 1]</c> adds synthetic records to the configured database;
/// <c>benchmark-held-patients [--rows 200000] [--iterations 40]</c> measures on a temporary database.
/// </summary>
internal static class DashboardCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "generate-demo-data" or "benchmark-held-patients" or "benchmark-export" or ExportBenchmark.WorkerCommand;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        try
        {
            return args[0] switch
            {
                "generate-demo-data" => await GenerateAsync(app, args, output),
                "benchmark-export" => await ExportBenchmark.RunAsync(IntOption(args, "--rows", 100_000), output, SelfCommand()),
                ExportBenchmark.WorkerCommand => RunExportWorker(args, output),
                _ => await BenchmarkAsync(args, output),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static async Task<int> GenerateAsync(WebApplication app, string[] args, TextWriter output)
    {
        var count = IntOption(args, "--held-patients", 1000);
        var seed = IntOption(args, "--seed", 1);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var progress = new Progress<int>(written => output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0:N0} / {1:N0}", written, count)));
        var written = await app.Services.GetRequiredService<SyntheticHeldPatientGenerator>().GenerateAsync(count, seed, progress);
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "Added {0:N0} synthetic held patients.", written));
        return 0;
    }

    /// <summary>Runs on a throwaway SQLite file (WAL, same migrations and seed) so real data is never touched.</summary>
    private static async Task<int> BenchmarkAsync(string[] args, TextWriter output)
    {
        var rows = IntOption(args, "--rows", 200_000);
        var iterations = IntOption(args, "--iterations", 40);
        var folder = Path.Combine(Path.GetTempPath(), "cutover-benchmark-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:DataFolder"] = folder,
            ["Dashboard:DemoMode"] = "true",
        }).Build();
        // --sql prints every SQL statement, to see what a slow scenario sends to SQLite.
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFilter(level => args.Contains("--sql") && level >= LogLevel.Information).AddSimpleConsole())
            .AddSingleton<IConfiguration>(configuration);
        services.AddDashboardCore(configuration, folder);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "benchmark database: {0}", folder));
            await provider.GetRequiredService<HeldPatientBenchmark>().RunAsync(rows, iterations, output);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static int RunExportWorker(string[] args, TextWriter output)
    {
        var writer = Array.IndexOf(args, "--writer") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : "ours";
        ExportBenchmark.RunWorker(writer, IntOption(args, "--rows", 100_000), output);
        return 0;
    }

    /// <summary>How to start this program again (the apphost, or dotnet with the assembly).</summary>
    private static string[] SelfCommand()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(Program).Assembly.Location] : [host];
    }

    private static int IntOption(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return defaultValue;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{name} needs a positive whole number.");
        }

        return value;
    }
}
