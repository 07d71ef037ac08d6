using Dashboard.Core.Time;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Persistence.Migrations;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Measures the held-patient list (one page, sorted or filtered, and the count a list takes once per
/// filter) and saves on a database of N records, with this version's list indexes and, on the same
/// database in the same run, with the indexes they replaced (the ListIndexes migration undone and
/// redone). Baseline of the query shape: a naive list that loads every visible row and pages in
/// memory. Every scenario is measured in several runs interleaved with the others, so one noisy moment
/// does not decide a figure; prints min, median, p95 and max. Asserts nothing.
/// </summary>
public sealed class HeldPatientBenchmark(
    IDbContextFactory<DashboardDbContext> dbFactory,
    SyntheticHeldPatientGenerator generator,
    HeldPatientQueries queries,
    HeldPatientService service,
    TimeProvider clock)
{
    private const int PageSize = 50;
    private const int Runs = 3;
    private const string NewIndexes = "new";
    private const string OldIndexes = "before";

    public async Task RunAsync(int rows, int iterations, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var started = clock.GetTimestamp();
        await generator.GenerateAsync(rows, seed: 20211130, cancellationToken: cancellationToken);
        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "generated {0:N0} held patients in {1:0.0} s ({2:N0} rows/s)", rows, seconds, rows / seconds));

        var (desk, deskRows) = await BusiestFacilityDeskAsync(cancellationToken);
        var supervisor = await SupervisorOfAllRegionsAsync(cancellationToken);
        var sample = await SampleAsync(cancellationToken);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "desk scope: facility {0} with {1:N0} records; supervisor scope: all {2:N0} records", desk.FacilityId, deskRows, rows));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "each scenario: {0} runs of {1} (interleaved with the other scenarios); {2} = this version's list indexes, {3} = the indexes they replaced, same database",
            Runs, iterations, NewIndexes, OldIndexes));

        var lists = ListMeasurements(("desk", desk), ("supervisor", supervisor), sample, cancellationToken);
        var after = await MeasureAsync(lists, NewIndexes, iterations, cancellationToken);
        var savesAfter = await MeasureSavesAsync(desk, NewIndexes, iterations * 2, cancellationToken);
        await UseIndexesAsync(before: true, cancellationToken);
        var before = await MeasureAsync(lists, OldIndexes, iterations, cancellationToken);
        var savesBefore = await MeasureSavesAsync(desk, OldIndexes, iterations * 2, cancellationToken);
        await UseIndexesAsync(before: false, cancellationToken);
        var naive = await MeasureAsync(
            [("BASELINE desk: load all rows, sort and page in memory", () => NaivePageAsync(desk, cancellationToken)),
             ("BASELINE supervisor: load all rows, sort and page in memory", () => NaivePageAsync(supervisor, cancellationToken))],
            NewIndexes, Math.Max(iterations / 10, 2), cancellationToken);

        output.WriteLine();
        output.WriteLine(LatencyStats.Header());
        for (var i = 0; i < after.Count; i++)
        {
            output.WriteLine(after[i].Row());
            output.WriteLine(before[i].Row());
        }

        output.WriteLine(savesAfter.Row());
        output.WriteLine(savesBefore.Row());
        naive.ForEach(n => output.WriteLine(n.Row()));
        output.WriteLine();
        output.WriteLine("Counting once per filter instead of on every page (medians, new indexes), paging through 10 pages:");
        foreach (var scope in new[] { "desk", "supervisor" })
        {
            foreach (var filter in new[] { "newest first (default)", "filter status Logged" })
            {
                var page = after.Single(s => s.Name == $"list {scope}: {filter} (page)").Median;
                var count = after.Single(s => s.Name == $"list {scope}: {filter} (count)").Median;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "  {0}, {1}: counted on every page 10 x ({2:0.0} + {3:0.0}) = {4:0.0} ms; counted once {3:0.0} + 10 x {2:0.0} = {5:0.0} ms",
                    scope, filter, page, count, 10 * (page + count), count + (10 * page)));
            }
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "peak working set: {0:N0} MB", process.PeakWorkingSet64 / 1024 / 1024));
    }

    private static IEnumerable<(string Name, HeldPatientFilter Filter)> Scenarios((string Name, string IdTail, string? Invoice) sample) =>
    [
        ("newest first (default)", new HeldPatientFilter()),
        ("sort by name", new HeldPatientFilter(SortBy: HeldPatientSortColumn.PatientName, Descending: false)),
        ("sort by deadline", new HeldPatientFilter(SortBy: HeldPatientSortColumn.DeadlineUtc, Descending: false)),
        ("sort by status (workflow order)", new HeldPatientFilter(SortBy: HeldPatientSortColumn.Status, Descending: false)),
        ("sort by start", new HeldPatientFilter(SortBy: HeldPatientSortColumn.StartUtc, Descending: false)),
        ("filter status Logged", new HeldPatientFilter(Status: HeldPatientStatus.Logged)),
        ("filter category", new HeldPatientFilter(Category: HeldPatientCategory.RemoteCare)),
        ("filter category + overdue", new HeldPatientFilter(Category: HeldPatientCategory.OutpatientAdvance, OverdueOnly: true)),
        ("search name", new HeldPatientFilter(Search: sample.Name)),
        ("search last 4 of ID", new HeldPatientFilter(Search: sample.IdTail)),
        ("search invoice number", new HeldPatientFilter(Search: sample.Invoice ?? "1234567890123")),
    ];

    /// <summary>What a list page asks: a page in the filter's order, and the filter's count (taken once per filter).</summary>
    private List<(string Name, Func<Task> Run)> ListMeasurements(
        (string Name, AccessScope Scope) desk, (string Name, AccessScope Scope) supervisor, (string Name, string IdTail, string? Invoice) sample,
        CancellationToken cancellationToken)
    {
        var measurements = new List<(string Name, Func<Task> Run)>();
        foreach (var (scopeName, scope) in new[] { desk, supervisor })
        {
            foreach (var (name, filter) in Scenarios(sample))
            {
                measurements.Add(($"list {scopeName}: {name} (page)", () => queries.PageAsync(scope, filter, 0, PageSize, cancellationToken)));
                measurements.Add(($"list {scopeName}: {name} (count)", () => queries.CountAsync(scope, filter, cancellationToken)));
            }

            measurements.Add(($"list {scopeName}: page 100 (skip 4950)", () => queries.PageAsync(scope, new HeldPatientFilter(), 4950, PageSize, cancellationToken)));
        }

        return measurements;
    }

    /// <summary>Each measurement in <see cref="Runs"/> runs; a run measures every scenario once before the next run starts.</summary>
    private async Task<List<LatencyStats>> MeasureAsync(IReadOnlyList<(string Name, Func<Task> Run)> measurements, string variant, int iterations, CancellationToken cancellationToken)
    {
        var stats = measurements.Select(m => new LatencyStats(m.Name, variant)).ToList();
        for (var run = 0; run < Runs; run++)
        {
            for (var i = 0; i < measurements.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stats[i].NextRun();
                for (var warmUp = 0; warmUp < (run == 0 ? 3 : 1); warmUp++)
                {
                    await measurements[i].Run();
                }

                for (var n = 0; n < iterations; n++)
                {
                    var start = clock.GetTimestamp();
                    await measurements[i].Run();
                    stats[i].Add(clock.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        return stats;
    }

    /// <summary>
    /// The list indexes before this version (the ListIndexes migration's Down) or this version's (its
    /// Up), on the same data; statistics analyzed afresh as the generator leaves them.
    /// </summary>
    private async Task UseIndexesAsync(bool before, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var migration = new ListIndexes();
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(before ? migration.DownOperations : migration.UpOperations))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
    }

    private async Task<LatencyStats> MeasureSavesAsync(AccessScope desk, string variant, int count, CancellationToken cancellationToken)
    {
        var context = await service.GetFormContextAsync(desk, cancellationToken) ?? throw new InvalidOperationException("The benchmark desk has no form context.");
        var people = new SyntheticPeople(new Random(7));
        var stop = context.Plan.OutageStartsUtc ?? clock.GetUtcNow();
        var admitted = LocalTimeText.FromUtc(stop.UtcDateTime.AddDays(-3), context.Plan.TimeZone);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stats = new LatencyStats("save: create one held patient (validate, insert, audit)", variant);
        for (var run = 0; run < Runs; run++)
        {
            stats.NextRun();
            for (var i = 0; i < count + 3; i++)
            {
                var input = new HeldPatientInput
                {
                    Category = HeldPatientCategory.InpatientSpanningOutage,
                    PatientName = people.Name(),
                    IdNumber = people.ResidentId("340104", today),
                    Phone = people.Mobile(),
                    AdmittedAt = admitted,
                    Department = "内科",
                    InvoiceNumbers = people.Invoice(),
                };
                var start = clock.GetTimestamp();
                var result = await service.CreateAsync(desk, input, cancellationToken);
                var elapsed = clock.GetElapsedTime(start).TotalMilliseconds;
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("A benchmark save was refused: " + string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
                }

                if (i >= 3)
                {
                    stats.Add(elapsed);
                }
            }
        }

        return stats;
    }

    private async Task<int> NaivePageAsync(AccessScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.For(scope).HeldPatients.AsNoTracking().ToListAsync(cancellationToken);
        return all.OrderByDescending(p => p.EnteredUtc).Take(PageSize).Count();
    }

    private async Task<(AccessScope Scope, int Rows)> BusiestFacilityDeskAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var busiest = await db.HeldPatients
            .Where(p => db.Regions.Any(r => r.Id == p.RegionId && !r.IsRehearsal))
            .GroupBy(p => new { p.FacilityId, p.RegionId })
            .Select(g => new { g.Key.FacilityId, g.Key.RegionId, Rows = g.Count() })
            .OrderByDescending(g => g.Rows).FirstAsync(cancellationToken);
        return (new AccessScope("benchmark-desk", "benchmark-desk", UserRole.BillingDesk, busiest.FacilityId, new HashSet<int> { busiest.RegionId }, null), busiest.Rows);
    }

    private async Task<AccessScope> SupervisorOfAllRegionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.Select(r => r.Id).ToListAsync(cancellationToken);
        return new AccessScope("benchmark-supervisor", "benchmark-supervisor", UserRole.Supervisor, null, regions.ToHashSet(), null);
    }

    private async Task<(string Name, string IdTail, string? Invoice)> SampleAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var withInvoices = db.HeldPatients.AsNoTracking().Include(p => p.Invoices).Where(p => p.Invoices.Count > 0).OrderBy(p => p.Id);

        // A row from the middle of the data, and still one on a small database.
        var skip = Math.Min(1234, await withInvoices.CountAsync(cancellationToken) / 2);
        var row = await withInvoices.Skip(skip).FirstOrDefaultAsync(cancellationToken)
            ?? await db.HeldPatients.AsNoTracking().Include(p => p.Invoices).OrderBy(p => p.Id).FirstAsync(cancellationToken);
        var invoice = row.Invoices.Select(i => i.Number).FirstOrDefault();
        return (row.PatientName[..Math.Min(2, row.PatientName.Length)], row.IdNumber[^4..], invoice);
    }
}
