using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Dashboard.Core.Time;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Tools.Seeding;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Measures the catch-up export: end to end on a database of N held patients (the exporter from the
/// queries to the finished file, as the download gets it), the workbook writer alone on the same
/// number of in-memory rows, plain MiniExcel writing those rows with no column mapping (what the
/// product adds shows as the difference), and a plain ClosedXML cell-by-cell export (the baseline).
/// Each run is its own process, so its peak memory is its own; each scenario runs several times.
/// </summary>
public static class ExportBenchmark
{
    public const string WorkerCommand = "benchmark-export-worker";
    public const string EndToEnd = "end-to-end";
    public const string OurWriter = "ours";
    public const string PlainMiniExcel = "miniexcel";
    public const string ClosedXmlWriter = "closedxml";

    /// <summary>Runs every measurement in a child process and prints one table.</summary>
    /// <param name="database">A throwaway database folder holding <paramref name="rows"/> outstanding held patients.</param>
    /// <param name="largeRows">The writer's large run (1,000,000: ADR 0001's target).</param>
    public static async Task RunAsync(
        int rows, int runs, int largeRows, string database, TextWriter output, string[] selfCommand, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(selfCommand);
        (string Writer, int Rows, string Label)[] scenarios =
        [
            (EndToEnd, rows, "end to end: exporter, queries to finished file (supervisor)"),
            (OurWriter, rows, "writer alone: CatchUpWorkbookWriter, in-memory rows"),
            (PlainMiniExcel, rows, "plain MiniExcel, same rows, no column mapping"),
            (ClosedXmlWriter, rows, "BASELINE ClosedXML, cell by cell"),
            (OurWriter, largeRows, "writer alone: CatchUpWorkbookWriter, in-memory rows"),
        ];
        var results = new List<RunStats>();
        foreach (var (writer, count, label) in scenarios)
        {
            RunStats? stats = null;
            for (var run = 0; run < runs; run++)
            {
                var line = await RunChildAsync(selfCommand,
                    [WorkerCommand, "--writer", writer, "--rows", count.ToString(CultureInfo.InvariantCulture), "--folder", folder, "--database", database], cancellationToken);
                var parts = line.Split(' ');
                stats ??= new RunStats(label, long.Parse(parts[2], CultureInfo.InvariantCulture));
                stats.Add(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
            }

            results.Add(stats!);
        }

        await output.WriteLineAsync(RunStats.Header());
        foreach (var stats in results)
        {
            await output.WriteLineAsync(stats.Row());
        }

        var endToEnd = results[0];
        var ours = results[1];
        var plain = results[2];
        var closedXml = results[3];
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "end to end {0:N0} rows: median {1:0.00} s (target <= 5 s); writer over plain MiniExcel: {2:0.00}x; end to end over writer alone: {3:0.00}x; writer vs ClosedXML: {4:0.0}x faster (medians)",
            endToEnd.Rows, endToEnd.Median, ours.Median / plain.Median, endToEnd.Median / ours.Median, closedXml.Median / ours.Median));
    }

    /// <summary>Puts N outstanding held patients into a throwaway database through the bulk intake.</summary>
    public static async Task FillAsync(IServiceProvider services, int rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var source = await SyntheticHeldPatients.LoadAsync(services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(),
            services.GetRequiredService<Dashboard.Core.Plans.CutoverPlanService>(), 42, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        await using var session = await services.GetRequiredService<Dashboard.Core.Records.Intake.BulkIntake>().OpenAsync(source.Scope, cancellationToken);
        var written = 0;
        while (written < rows)
        {
            var batch = Enumerable.Range(0, Math.Min(SyntheticHeldPatientGenerator.BatchSize, rows - written)).Select(_ => source.Next().Row).ToList();
            written += (await session.AddHeldPatientsAsync(batch, cancellationToken)).Written;
        }
    }

    /// <summary>The child: one measurement, printed as "seconds peakMB rows".</summary>
    public static async Task RunWorkerAsync(string writer, int rows, string folder, string? database, ToolContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(folder, $"export-benchmark-{Guid.NewGuid():N}.xlsx");
        var text = new ExportText(key => key);
        var zone = RegionTimeZone.Default;
        var clock = TimeProvider.System;
        try
        {
            long written = rows;
            var start = clock.GetTimestamp();
            if (writer == EndToEnd)
            {
                await using var services = context.BuildServices(DatabaseIn(database), logging => logging.AddFilter(_ => false));
                var supervisor = await SupervisorOfAllRegionsAsync(services);
                start = clock.GetTimestamp();
                written = await ExportEndToEndAsync(services, supervisor, path, text);
            }
            else if (writer == ClosedXmlWriter)
            {
                WriteWithClosedXml(path, Rows(rows), text, zone);
            }
            else if (writer == PlainMiniExcel)
            {
                WriteWithPlainMiniExcel(path, Rows(rows), zone);
            }
            else
            {
                using var file = File.Create(path);
                CatchUpWorkbookWriter.Write(file, [.. CatchUpWorkbookWriter.Split("held", ExportColumns.HeldPatients, Rows(rows), rows, text, zone)]);
            }

            var seconds = clock.GetElapsedTime(start).TotalSeconds;
            using var process = Process.GetCurrentProcess();
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0:0.000} {1} {2}", seconds, process.PeakWorkingSet64 / 1024 / 1024, written));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What the export button does, from the click to the file the download endpoint streams: a supervisor of every region, no filter.</summary>
    private static async Task<long> ExportEndToEndAsync(IServiceProvider services, AccessScope supervisor, string path, ExportText text)
    {
        await using var file = File.Create(path);
        var outcome = await services.GetRequiredService<CatchUpExporter>().ExportAsync(supervisor, new CatchUpFilter(), text, file);
        return outcome.HeldPatients + outcome.PaperForms;
    }

    /// <summary>Also warms the process up as a running app is (EF's model built, the database opened): that is not the export's time.</summary>
    private static async Task<AccessScope> SupervisorOfAllRegionsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var regions = await db.Regions.Select(r => r.Id).ToListAsync();
        return new AccessScope("benchmark-supervisor", "benchmark-supervisor", UserRole.Supervisor, null, regions.ToHashSet(), null);
    }

    private static Microsoft.Extensions.Configuration.IConfiguration DatabaseIn(string? folder) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Dashboard:DataFolder"] = folder ?? throw new InvalidOperationException("The end-to-end export needs --database."),
        ["Dashboard:DemoMode"] = "true",
    }).Build();

    /// <summary>MiniExcel as a plain user would call it: typed rows, default settings but streaming, no column definitions.</summary>
    private static void WriteWithPlainMiniExcel(string path, IEnumerable<HeldPatient> rows, TimeZoneInfo zone)
    {
        using var file = File.Create(path);
        file.SaveAs(rows.Select(p => new PlainRow(
            p.PatientName, p.IdDocumentType.ToString(), p.IdNumber, p.InsuranceType.ToString(), p.Category.ToString(),
            Local(p.AdmittedUtc, zone), Local(p.DischargedUtc, zone), Local(p.VisitUtc, zone), p.Department, p.AmountAdvanced,
            string.Join(",", p.Invoices.Select(i => i.Number)), p.Phone, p.Facility?.Name, p.Status.ToString(), Local(p.DeadlineUtc, zone), p.Notes, p.Id)),
            configuration: new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FastMode = false });
    }

    private static DateTime? Local(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(value, zone) : null;

    private sealed record PlainRow(
        string Name, string IdType, string IdNumber, string Insurance, string Category, DateTime? Admitted, DateTime? Discharged, DateTime? Visit,
        string? Department, decimal? Amount, string Invoices, string? Phone, string? Facility, string Status, DateTime? Deadline, string? Notes, int Id);

    /// <summary>The baseline: ClosedXML, one cell at a time, the whole workbook in memory until saved.</summary>
    private static void WriteWithClosedXml(string path, IEnumerable<HeldPatient> rows, ExportText text, TimeZoneInfo zone)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("held");
        var columns = ExportColumns.HeldPatients;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].HeaderKey);
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                sheet.Cell(r, c + 1).SetValue(SpreadsheetText.Cell(columns[c], row, text, zone));
            }

            r++;
        }

        workbook.SaveAs(path);
    }

    /// <summary>Made-up held patients, produced one at a time (nothing is kept in memory).</summary>
    private static IEnumerable<HeldPatient> Rows(int count)
    {
        var random = new Random(42);
        var people = new SyntheticPeople(random);
        var facility = new Facility { Id = 1, Code = "HEF-H01", Name = "合肥市第一人民医院", RegionId = 1 };
        var today = new DateOnly(2021, 12, 13);
        var admitted = new DateTime(2021, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= count; i++)
        {
            yield return new HeldPatient
            {
                Id = i, Facility = facility, FacilityId = 1, RegionId = 1, Category = (HeldPatientCategory)(i % 6), PatientName = people.Name(),
                IdNumber = people.ResidentId("340104", today), Phone = people.Mobile(), AdmittedUtc = admitted.AddMinutes(i % 10_000),
                Department = "内科", AmountAdvanced = i % 100 * 12.5m, Invoices = [new HeldPatientInvoice { Number = people.Invoice() }],
                Notes = i % 10 == 0 ? "=1+1" : null, DeadlineUtc = admitted.AddDays(24),
                EnteredByUserId = "benchmark", EnteredByName = "benchmark", EnteredUtc = admitted.AddMinutes(i % 10_000),
            };
        }
    }

    private static async Task<string> RunChildAsync(string[] selfCommand, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(selfCommand[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in selfCommand.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark worker.");
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? stdout.Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"The benchmark worker failed ({process.ExitCode}): {stderr}");
    }
}
