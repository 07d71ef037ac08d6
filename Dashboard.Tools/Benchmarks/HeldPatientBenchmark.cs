using Dashboard.Core.Time;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Measures the held-patient list (one page, sorted or filtered) and saves on a database of N
/// records, and, as the baseline in the same run, a naive list that loads every visible row and
/// pages in memory. Prints percentiles; asserts nothing.
/// </summary>
public sealed class HeldPatientBenchmark(
    IDbContextFactory<DashboardDbContext> dbFactory,
    SyntheticHeldPatientGenerator generator,
    HeldPatientQueries queries,
    HeldPatientService service,
    TimeProvider clock)
{
    private const int PageSize = 50;

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
        output.WriteLine();
        output.WriteLine(LatencyStats.Header());

        foreach (var (scopeName, scope) in new[] { ("desk", desk), ("supervisor", supervisor) })
        {
            foreach (var (name, filter) in Scenarios(sample))
            {
                output.WriteLine((await MeasureAsync($"list {scopeName}: {name}", iterations, () => queries.SearchAsync(scope, filter, 0, PageSize, cancellationToken))).Row());
            }

            output.WriteLine((await MeasureAsync($"list {scopeName}: page 100 (skip 4950)", iterations, () => queries.SearchAsync(scope, new HeldPatientFilter(), 4950, PageSize, cancellationToken))).Row());
            output.WriteLine((await MeasureAsync($"BASELINE {scopeName}: load all rows, sort and page in memory", Math.Max(iterations / 10, 3), () => NaivePageAsync(scope, cancellationToken))).Row());
        }

        output.WriteLine((await MeasureSavesAsync(desk, iterations * 2, cancellationToken)).Row());
        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "peak working set: {0:N0} MB", process.PeakWorkingSet64 / 1024 / 1024));
    }

    private static IEnumerable<(string Name, HeldPatientFilter Filter)> Scenarios((string Name, string IdTail, string? Invoice) sample) =>
    [
        ("newest first (default)", new HeldPatientFilter()),
        ("sort by name", new HeldPatientFilter(SortBy: HeldPatientSortColumn.PatientName, Descending: false)),
        ("sort by deadline", new HeldPatientFilter(SortBy: HeldPatientSortColumn.DeadlineUtc, Descending: false)),
        ("sort by status (workflow order)", new HeldPatientFilter(SortBy: HeldPatientSortColumn.Status, Descending: false)),
        ("filter status Logged", new HeldPatientFilter(Status: HeldPatientStatus.Logged)),
        ("filter category + overdue", new HeldPatientFilter(Category: HeldPatientCategory.OutpatientAdvance, OverdueOnly: true)),
        ("search name", new HeldPatientFilter(Search: sample.Name)),
        ("search last 4 of ID", new HeldPatientFilter(Search: sample.IdTail)),
        ("search invoice number", new HeldPatientFilter(Search: sample.Invoice ?? "1234567890123")),
    ];

    private async Task<LatencyStats> MeasureAsync<T>(string name, int iterations, Func<Task<T>> run)
    {
        var stats = new LatencyStats(name);
        for (var i = 0; i < 3; i++)
        {
            await run();
        }

        for (var i = 0; i < iterations; i++)
        {
            var start = clock.GetTimestamp();
            await run();
            stats.Add(clock.GetElapsedTime(start).TotalMilliseconds);
        }

        return stats;
    }

    private async Task<LatencyStats> MeasureSavesAsync(AccessScope desk, int count, CancellationToken cancellationToken)
    {
        var context = await service.GetFormContextAsync(desk, cancellationToken) ?? throw new InvalidOperationException("The benchmark desk has no form context.");
        var people = new SyntheticPeople(new Random(7));
        var stop = context.Plan.OutageStartsUtc ?? clock.GetUtcNow();
        var admitted = LocalTimeText.FromUtc(stop.UtcDateTime.AddDays(-3), context.Plan.TimeZone);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stats = new LatencyStats("save: create one held patient (validate, insert, audit)");
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
