using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tools;
using Dashboard.Tools.Commands;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Dashboard.Tests.Tools;

/// <summary>The tools' commands, parsed and run in-process, each on its own temporary folder.</summary>
public sealed class ToolCommandsTests : IDisposable
{
    private readonly TempDatabase _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Generate_demo_data_adds_exactly_the_requested_rows_to_the_database_the_app_opens_and_audits_the_run()
    {
        // The app's settings as shipped: no connection string, the "data" folder under the content root.
        var contentRoot = Path.Combine(_folder.Folder, "app");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = "",
            ["Dashboard:DataFolder"] = "data",
            ["Dashboard:DemoMode"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await CoreServices.SeedAsync(_folder, new FakeTimeProvider(TestClocks.FirstStart));
        Directory.CreateDirectory(Path.Combine(contentRoot, "data"));
        File.Copy(_folder.FilePath, Path.Combine(contentRoot, "data", "cutover.db"));

        // Read back the way the app finds its database: the same settings, the same content root.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var app = new ServiceCollection().AddLogging().AddDashboardCore(configuration, contentRoot).BuildServiceProvider();
        var dbFactory = app.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        int before;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            before = await db.HeldPatients.CountAsync();
        }

        var exit = await RunAsync(new ToolContext(contentRoot, _folder.Folder, settings), "generate-demo-data", "--held-patients", "25", "--seed", "7");

        Assert.Equal(0, exit);
        Assert.Contains("Added 25 synthetic held patients.", _output.ToString(), StringComparison.Ordinal);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            Assert.Equal(before + 25, await db.HeldPatients.CountAsync());
            Assert.Equal(25, await db.HeldPatients.CountAsync(p => p.EnteredByName == "synthetic"));

            // Entered through the bulk intake: an audit event per record, as from the form.
            var created = await db.AuditEvents.Where(a => a.UserName == "synthetic" && a.Action == AuditActions.Create).ToListAsync();
            Assert.Equal(25, created.Count);
            Assert.All(created, a => Assert.Equal("HeldPatient", a.EntityType));

            // Then the demo's history (entry times, outcomes), one event for the batch naming every record and the seed.
            var history = Assert.Single(await db.AuditEvents.Where(a => a.UserName == "synthetic" && a.Action == AuditActions.Update).ToListAsync());
            Assert.Equal(SyntheticHeldPatientGenerator.HistoryEntityId, history.EntityId);
            using var details = JsonDocument.Parse(history.AfterJson!);
            Assert.Equal(25, details.RootElement.GetProperty("Records").GetInt32());
            Assert.Equal(7, details.RootElement.GetProperty("Seed").GetInt32());
            Assert.Equal(created.Select(a => a.EntityId).Order(), details.RootElement.GetProperty("Ids").EnumerateArray().Select(i => i.GetInt32().ToString(CultureInfo.InvariantCulture)).Order());
        }
    }

    [Fact]
    public async Task Benchmark_bulk_insert_prints_min_and_median_of_the_bulk_path_the_form_baseline_and_sqlite_alone_and_cleans_up()
    {
        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), "benchmark-bulk-insert", "--rows", "60", "--runs", "3");

        Assert.True(exit == 0, _error.ToString());
        var lines = _output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^scenario\s+rows\s+runs\s+min s\s+median s\s+rows/s min\s+rows/s med\s+peak MB$", Line(lines, "scenario "));
        Assert.Matches(@"^bulk intake: .+\s+60\s+3\s+\d+\.\d\d\s+\d+\.\d\d\s+[\d,]+\s+[\d,]+\s+-$", Line(lines, "bulk intake: "));
        Assert.Matches(@"^BASELINE form path: .+\s+20\s+3\s+\d+\.\d\d\s+\d+\.\d\d\s+[\d,]+\s+[\d,]+\s+-$", Line(lines, "BASELINE form path: "));
        foreach (var floor in new[] { "the same rows, invoices, audit; no checks", "the same held patients only", "held patients only, no secondary indexes" })
        {
            Assert.Matches(@"^FLOOR SQLite alone: " + Regex.Escape(floor) + @"\s+60\s+3\s+\d+\.\d\d\s+\d+\.\d\d\s+[\d,]+\s+[\d,]+\s+-$", Line(lines, "FLOOR SQLite alone: " + floor));
        }

        Assert.Matches(@"^BASELINE form path extrapolated to 60 rows: \d+\.\d s \(median run's rate\); bulk intake is \d+\.\dx faster \(median runs\)$", Line(lines, "BASELINE form path extrapolated"));
        Assert.Empty(Directory.GetDirectories(_folder.Folder, "cutover-benchmark-*"));
    }

    [Fact]
    public async Task Benchmark_bulk_insert_with_a_postgres_server_measures_the_intake_there_and_drops_its_databases()
    {
        var server = TestPostgres.ConnectionString("postgres");

        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), "benchmark-bulk-insert", "--rows", "40", "--runs", "1", "--postgres", server);

        Assert.True(exit == 0, _error.ToString());
        var lines = _output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^bulk intake: .+\s+40\s+1\s+\d+\.\d\d\s+\d+\.\d\d\s+[\d,]+\s+[\d,]+\s+-$", Line(lines, "bulk intake: "));
        Assert.Matches(@"^BASELINE form path: .+\s+20\s+1\s", Line(lines, "BASELINE form path: "));
        Assert.DoesNotContain(lines, line => line.StartsWith("FLOOR", StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var left = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'cutover\\_benchmark\\_%'", connection);
        Assert.Equal(0L, await left.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Benchmark_held_patients_prints_every_figure_and_removes_its_throwaway_database()
    {
        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), "benchmark-held-patients", "--rows", "40", "--iterations", "2");

        Assert.True(exit == 0, _error.ToString());
        var lines = _output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^generated 40 held patients in \d+\.\d s \([\d,]+ rows/s\)$", Line(lines, "generated "));
        Assert.Matches(@"^desk scope: facility \d+ with \d+ records; supervisor scope: all 40 records$", Line(lines, "desk scope:"));
        Assert.Matches(@"^scenario\s+runs x n\s+min ms\s+median\s+p95 ms\s+max ms\s+median of each run$", Line(lines, "scenario "));
        string[] scenarios =
        [
            "newest first (default)", "sort by name", "sort by deadline", "sort by status (workflow order)", "sort by start", "filter status Logged",
            "filter category", "filter category + overdue", "search name", "search last 4 of ID", "search invoice number",
        ];
        foreach (var scope in new[] { "desk", "supervisor" })
        {
            // Each figure with this version's indexes and with the ones they replaced, on the same database.
            foreach (var variant in new[] { "new", "before" })
            {
                foreach (var scenario in scenarios)
                {
                    Assert.Matches(FiguresRow(variant, 2), Line(lines, $"list {scope}: {scenario} (page) ", variant));
                    Assert.Matches(FiguresRow(variant, 2), Line(lines, $"list {scope}: {scenario} (count) ", variant));
                }

                Assert.Matches(FiguresRow(variant, 2), Line(lines, $"list {scope}: page 100 (skip 4950) ", variant));
            }

            // The baseline runs a tenth as often, at least twice a run.
            Assert.Matches(FiguresRow("new", 2), Line(lines, $"BASELINE {scope}: load all rows, sort and page in memory "));
            Assert.Matches(@"^\S.+: counted on every page 10 x \(\d+\.\d \+ \d+\.\d\) = \d+\.\d ms; counted once \d+\.\d \+ 10 x \d+\.\d = \d+\.\d ms$",
                Line(lines, $"{scope}, filter status Logged: "));
        }

        Assert.Matches(FiguresRow("new", 4), Line(lines, "save: create one held patient (validate, insert, audit) ", "new"));
        Assert.Matches(FiguresRow("before", 4), Line(lines, "save: create one held patient (validate, insert, audit) ", "before"));
        Assert.Matches(@"^peak working set: [\d,]+ MB$", Line(lines, "peak working set:"));
        Assert.Empty(Directory.GetDirectories(_folder.Folder, "cutover-benchmark-*"));
    }

    [Fact]
    public async Task Benchmark_export_prints_every_scenario_with_min_median_and_peak_memory_and_cleans_up()
    {
        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), "benchmark-export", "--rows", "40", "--runs", "1", "--large-rows", "80");

        Assert.True(exit == 0, _error.ToString());
        var lines = _output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var (scenario, rows) in new[]
        {
            ("end to end: exporter", 40), ("writer alone: CatchUpWorkbookWriter, in-memory rows   ", 40), ("plain MiniExcel", 40),
            ("BASELINE ClosedXML", 40), ("writer alone: CatchUpWorkbookWriter, in-memory rows   ", 80),
        })
        {
            Assert.Contains(lines, line => line.StartsWith(scenario.TrimEnd(), StringComparison.Ordinal) &&
                Regex.IsMatch(line, string.Create(CultureInfo.InvariantCulture, $@"\s{rows}\s+1\s+\d+\.\d\d\s+\d+\.\d\d\s+[\d,]+\s+[\d,]+\s+[\d,]+$")));
        }

        Assert.Matches(@"^end to end 40 rows: median \d+\.\d\d s \(target <= 5 s\)", Line(lines, "end to end 40 rows:"));
        Assert.Empty(Directory.GetDirectories(_folder.Folder, "cutover-benchmark-*"));
        Assert.Empty(Directory.GetFiles(_folder.Folder, "*.xlsx"));
    }

    [Theory]
    [InlineData("benchmark-held-patients", "--rows", "abc")]
    [InlineData("benchmark-held-patients", "--iterations", "0")]
    [InlineData("generate-demo-data", "--held-patients", "-5")]
    [InlineData("benchmark-export", "--rows", "1e6")]
    [InlineData("benchmark-bulk-insert", "--runs", "0")]
    [InlineData("benchmark-api-load", "--writers", "0")]
    [InlineData("benchmark-api-load", "--seconds", "abc")]
    public async Task A_count_that_is_not_a_positive_whole_number_is_refused_naming_the_option(string command, string option, string value)
    {
        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), command, option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{option} needs a positive whole number, not '{value}'.", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Folder));
    }

    [Fact]
    public async Task An_unknown_command_is_refused_naming_it()
    {
        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), "benchmark-everything", "--rows", "5");

        Assert.NotEqual(0, exit);
        Assert.Contains("'benchmark-everything'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_but_not_the_export_worker()
    {
        var exit = await RunAsync(new ToolContext(_folder.Folder, _folder.Folder), "--help");

        Assert.Equal(0, exit);
        var help = _output.ToString();
        Assert.All(["generate-demo-data", "verify-audit", "benchmark-held-patients", "benchmark-bulk-insert", "benchmark-export", "benchmark-api-load"], command => Assert.Contains(command, help, StringComparison.Ordinal));
        Assert.DoesNotContain("benchmark-export-worker", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_circuit_benchmark_runs_its_server_under_the_apps_runtime_settings_with_no_thread_pool_spinning()
    {
        var command = ToolCommands.SelfCommandUnderAppRuntime();

        // The settings the shipped app runs with (docs/adr/0004-board-circuits.md), not the tool's.
        var runtimeConfig = command[Array.IndexOf(command, "--runtimeconfig") + 1];
        Assert.Equal("Dashboard.runtimeconfig.json", Path.GetFileName(runtimeConfig));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(runtimeConfig));
        var settings = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, settings.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
        Assert.True(settings.GetProperty("System.GC.Server").GetBoolean());

        // The command starts the tool under them: it answers, listing the measured server's command.
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1).Append("--help"))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var help = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("benchmark-circuits", help, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _folder.Dispose();
    }

    private Task<int> RunAsync(ToolContext context, params string[] args) => ToolCommands.InvokeAsync(args, context, _output, _error);

    private static string Line(string[] lines, string start, string? variant = null) =>
        Assert.Single(lines, line => line.StartsWith(start, StringComparison.Ordinal)
            && (variant is null || Regex.IsMatch(line[start.Length..], $@"^\s*{variant}\s")));

    /// <summary>
    /// A row of the figures table: the label, which indexes, 3 runs of n samples, then min, median, p95
    /// and max in ms, and each run's median.
    /// </summary>
    private static Regex FiguresRow(string variant, int samplesPerRun) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $@"^.+?\s+{variant}\s+3x{samplesPerRun}\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d / \d+\.\d / \d+\.\d$"));
}
