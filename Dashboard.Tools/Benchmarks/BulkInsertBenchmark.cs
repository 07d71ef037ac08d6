using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Records.Intake;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Measures the bulk intake (<see cref="BulkIntake"/>): N synthetic held patients in batches of
/// <see cref="SyntheticHeldPatientGenerator.BatchSize"/>, every row validated and audited, each run
/// on a new throwaway database. In the same run, as the baseline, the form's path
/// (validate, <see cref="HeldPatientService.FindDuplicatesAsync"/>, <see cref="HeldPatientService.CreateAsync"/>:
/// one row, one transaction) on a hundredth of the
/// rows, added to the table the bulk run has just filled, so both write into a table of the same
/// size; its time for N rows is extrapolated and labelled so. Only the writing is timed: making up
/// the rows is not. Also in each run, the floor under the intake: SQLite alone writing the same rows
/// (<see cref="BulkWritesFloor"/>).
/// </summary>
public static class BulkInsertBenchmark
{
    /// <param name="newDatabase">A migrated, seeded throwaway database's services; disposed (and the database deleted) by the caller's callback.</param>
    public static async Task RunAsync(int rows, int runs, Func<CancellationToken, Task<ServiceProvider>> newDatabase, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newDatabase);
        ArgumentNullException.ThrowIfNull(output);
        var baselineRows = Math.Max(rows / 100, 20);
        var bulk = new RunStats($"bulk intake: validate, insert, audit; {SyntheticHeldPatientGenerator.BatchSize:N0} rows a tx, 1 session", rows);
        var form = new RunStats($"BASELINE form path: validate, duplicates, CreateAsync; 1 row a tx", baselineRows);
        var floors = new Dictionary<BulkWritesFloor.Writes, RunStats>
        {
            [BulkWritesFloor.Writes.Everything] = new("FLOOR SQLite alone: the same rows, invoices, audit; no checks", rows),
            [BulkWritesFloor.Writes.PatientsOnly] = new("FLOOR SQLite alone: the same held patients only", rows),
            [BulkWritesFloor.Writes.PatientsWithoutIndexes] = new("FLOOR SQLite alone: held patients only, no secondary indexes", rows),
        };
        var refused = 0;
        for (var run = 0; run < runs; run++)
        {
            BulkWritesFloor.Written? written;
            await using (var services = await newDatabase(cancellationToken))
            {
                refused += await MeasureBulkAsync(services, rows, run, bulk, cancellationToken);
                await MeasureFormAsync(services, baselineRows, run, form, cancellationToken);

                // The floors write with SQLite's prepared statements: on PostgreSQL they are not measured.
                written = services.GetRequiredService<ConfiguredProvider>().Provider == DatabaseProvider.Sqlite
                    ? await BulkWritesFloor.ReadBackAsync(services, cancellationToken)
                    : null;
            }

            if (written is null)
            {
                continue;
            }

            foreach (var (writes, stats) in floors)
            {
                await using var services = await newDatabase(cancellationToken);
                stats.Add(await BulkWritesFloor.MeasureAsync(services, written, writes, cancellationToken) * rows / written.Patients.Count);
            }
        }

        await output.WriteLineAsync(RunStats.Header());
        await output.WriteLineAsync(bulk.Row());
        await output.WriteLineAsync(form.Row());
        foreach (var stats in floors.Values.Where(f => f.Seconds.Count > 0))
        {
            await output.WriteLineAsync(stats.Row());
        }

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "BASELINE form path extrapolated to {0:N0} rows: {1:0.0} s (median run's rate); bulk intake is {2:0.0}x faster (median runs)",
            rows, rows / (form.Rows / form.Median), (form.Rows / form.Median) is var formRate && formRate > 0 ? rows / bulk.Median / formRate : double.NaN));
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "rows refused as duplicates over all runs: {0:N0}", refused));
        using var process = Process.GetCurrentProcess();
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "peak working set: {0:N0} MB", process.PeakWorkingSet64 / 1024 / 1024));
    }

    private static async Task<int> MeasureBulkAsync(ServiceProvider services, int rows, int run, RunStats stats, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var intake = services.GetRequiredService<BulkIntake>();
        var source = await SyntheticHeldPatients.LoadAsync(
            services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), services.GetRequiredService<CutoverPlanService>(), 1000 + run, clock.GetUtcNow(), cancellationToken);
        var elapsed = TimeSpan.Zero;
        var written = 0;
        var refused = 0;
        var start = clock.GetTimestamp();
        await using var session = await intake.OpenAsync(source.Scope, cancellationToken);
        elapsed += clock.GetElapsedTime(start);
        while (written < rows)
        {
            var batch = Enumerable.Range(0, Math.Min(SyntheticHeldPatientGenerator.BatchSize, rows - written)).Select(_ => source.Next().Row).ToList();
            start = clock.GetTimestamp();
            var result = await session.AddHeldPatientsAsync(batch, cancellationToken);
            elapsed += clock.GetElapsedTime(start);
            if (result.Written == 0)
            {
                throw new InvalidOperationException("The intake refused a whole benchmark batch: " + string.Join("; ", result.Refused.Take(3).SelectMany(r => r.Errors.Values.SelectMany(m => m))));
            }

            written += result.Written;
            refused += result.Refused.Count;
        }

        start = clock.GetTimestamp();
        await session.DisposeAsync();
        elapsed += clock.GetElapsedTime(start);

        // Rows refused as duplicates were validated and checked too, but only written rows count.
        stats.Add(elapsed.TotalSeconds * rows / (written + 0.0));
        return refused;
    }

    /// <summary>What the entry form does per patient: validate, look for duplicates in the region, then save (insert and audit in one transaction).</summary>
    private static async Task MeasureFormAsync(ServiceProvider services, int rows, int run, RunStats stats, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var service = services.GetRequiredService<HeldPatientService>();
        var source = await SyntheticHeldPatients.LoadAsync(
            services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), services.GetRequiredService<CutoverPlanService>(), 2000 + run, clock.GetUtcNow(), cancellationToken);
        var facility = source.Facilities.First(f => f.Kind != Dashboard.Core.Facilities.FacilityKind.AgencyWindow);
        var desk = new AccessScope("benchmark-desk", "benchmark-desk", UserRole.BillingDesk, facility.Id, new HashSet<int> { facility.RegionId }, null);
        var context = await service.GetFormContextAsync(desk, cancellationToken) ?? throw new InvalidOperationException("The benchmark desk has no form context.");
        var elapsed = TimeSpan.Zero;
        var written = 0;
        while (written < rows)
        {
            var input = source.Next(facility).Row.Input;
            var start = clock.GetTimestamp();
            var (_, values) = HeldPatientRules.Validate(input, context.RulesAt(clock.GetUtcNow()));
            var duplicates = values is null ? [] : await service.FindDuplicatesAsync(desk, context.RegionId, values, null, cancellationToken);
            var result = values is null || duplicates.Count > 0 ? null : await service.CreateAsync(desk, input, cancellationToken);
            elapsed += clock.GetElapsedTime(start);
            if (result is { Succeeded: false })
            {
                throw new InvalidOperationException("A baseline save was refused: " + result.Result.Status);
            }

            written += result is null ? 0 : 1;
        }

        stats.Add(elapsed.TotalSeconds);
    }
}
