using System.Collections.Concurrent;
using Dashboard.Core.Live;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Readiness;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Board;

/// <summary>
/// The boards' shared view of each region. A change in a region (published on
/// <see cref="RegionActivity"/>) triggers one aggregate read for that region after a short pause that
/// gathers bursts of changes; every open board then gets the new snapshot from memory. Boards never
/// poll the database, and more boards do not mean more queries.
/// </summary>
public sealed partial class BoardSnapshots : IDisposable
{
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);

    /// <summary>How far back the activity strip reaches.</summary>
    public static readonly TimeSpan ActivityWindow = TimeSpan.FromHours(24);

    /// <summary>The longest a recount timer waits; a later deadline is looked at again then (timers cannot wait months).</summary>
    internal static readonly TimeSpan LongestRecountWait = TimeSpan.FromHours(12);

    private readonly IDbContextFactory<DashboardDbContext> _dbFactory;
    private readonly CutoverPlanService _plans;
    private readonly TimeProvider _clock;
    private readonly ILogger<BoardSnapshots> _logger;
    private readonly ConcurrentDictionary<int, Task<RegionBoardSnapshot?>> _snapshots = new();
    private readonly ConcurrentDictionary<int, byte> _pending = new();
    private readonly ConcurrentDictionary<int, long> _latest = new();
    private readonly ConcurrentDictionary<int, ITimer> _recounts = new();
    private readonly IDisposable _subscription;
    private int _computations;

    public BoardSnapshots(
        IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, TimeProvider clock, RegionActivity activity, ILogger<BoardSnapshots> logger)
    {
        ArgumentNullException.ThrowIfNull(activity);
        (_dbFactory, _plans, _clock, _logger) = (dbFactory, plans, clock, logger);
        _subscription = activity.Subscribe(OnActivity);
        Read = ComputeAsync;
    }

    /// <summary>The aggregate read of one region; tests replace it to finish reads out of order or fail one.</summary>
    internal Func<int, Task<RegionBoardSnapshot?>> Read { get; set; }

    /// <summary>Raised after a region's snapshot was recomputed.</summary>
    public event Action<RegionBoardSnapshot>? Updated;

    /// <summary>How many aggregate reads have run (one per region per burst of changes).</summary>
    public int Computations => _computations;

    /// <summary>The snapshots of every region the scope may see, in the overview's order.</summary>
    public async Task<IReadOnlyList<RegionBoardSnapshot>> GetVisibleAsync(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var regions = await _plans.GetRegionOptionsAsync();
        var snapshots = await Task.WhenAll(regions.Where(r => scope.CanSeeRegion(r.Id)).Select(r => SnapshotAsync(r.Id)));
        return snapshots.OfType<RegionBoardSnapshot>().ToList();
    }

    /// <summary>One region's snapshot, or null if it has no plan or the scope may not see it.</summary>
    public Task<RegionBoardSnapshot?> GetAsync(AccessScope scope, int regionId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.CanSeeRegion(regionId) ? SnapshotAsync(regionId) : Task.FromResult<RegionBoardSnapshot?>(null);
    }

    private Task<RegionBoardSnapshot?> SnapshotAsync(int regionId)
    {
        var cached = _snapshots.GetOrAdd(regionId, ReadAndScheduleAsync);
        if (!cached.IsFaulted && !cached.IsCanceled)
        {
            return cached;
        }

        // A failed read (the database busy for too long) is not the region's state: read again
        // rather than keep failing until something in the region changes.
        var fresh = ReadAndScheduleAsync(regionId);
        return _snapshots.TryUpdate(regionId, fresh, cached) ? fresh : _snapshots[regionId];
    }

    public void Dispose()
    {
        _subscription.Dispose();
        foreach (var timer in _recounts.Values)
        {
            timer.Dispose();
        }
    }

    /// <summary>Reads a region and, if an outstanding record's deadline is ahead, reads it again when that deadline passes.</summary>
    private async Task<RegionBoardSnapshot?> ReadAndScheduleAsync(int regionId)
    {
        var snapshot = await Read(regionId);
        if (snapshot?.NextRecountUtc is { } at)
        {
            var wait = at - _clock.GetUtcNow();
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestRecountWait ? LongestRecountWait : wait;
            var timer = _clock.CreateTimer(_ => OnActivity(regionId), null, wait, Timeout.InfiniteTimeSpan);
            _recounts.AddOrUpdate(regionId, timer, (_, old) =>
            {
                old.Dispose();
                return timer;
            });
        }

        return snapshot;
    }

    private void OnActivity(int regionId)
    {
        if (!_pending.TryAdd(regionId, 0))
        {
            return;
        }

        _ = RecomputeLaterAsync(regionId);
    }

    private async Task RecomputeLaterAsync(int regionId)
    {
        await Task.Delay(Coalesce, _clock);
        _pending.TryRemove(regionId, out _);
        var generation = _latest.AddOrUpdate(regionId, 1, (_, last) => last + 1);
        var fresh = ReadAndScheduleAsync(regionId);
        _snapshots[regionId] = fresh;
        RegionBoardSnapshot? snapshot;
        try
        {
            snapshot = await fresh;
        }
        catch (Exception ex)
        {
            // The next board to look reads again (see SnapshotAsync); nothing is shown as current.
            ReadFailed(_logger, ex, regionId);
            return;
        }

        // Reads can finish out of order under load: an older read that ends after a newer one
        // must not replace it on the boards, or they would show counts from before the last change.
        if (snapshot is not null && _latest.TryGetValue(regionId, out var latest) && latest == generation)
        {
            Announce(snapshot);
        }
    }

    /// <summary>
    /// Every open board hears of the snapshot, each on a pool thread: a board renders its update inline on
    /// the thread that tells it, and fifty boards told one after another on one thread made the last one
    /// wait for the other forty-nine (benchmark-circuits' live latency). One that fails (a closing
    /// circuit) is logged and keeps no other from hearing.
    /// </summary>
    private void Announce(RegionBoardSnapshot snapshot)
    {
        foreach (var board in Updated?.GetInvocationList().Cast<Action<RegionBoardSnapshot>>() ?? [])
        {
            ThreadPool.QueueUserWorkItem(_ =>
            {
                try
                {
                    board(snapshot);
                }
                catch (Exception ex)
                {
                    BoardFailed(_logger, ex, snapshot.RegionId);
                }
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the board snapshot of region {RegionId} failed.")]
    private static partial void ReadFailed(ILogger logger, Exception exception, int regionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A board failed to take region {RegionId}'s new snapshot.")]
    private static partial void BoardFailed(ILogger logger, Exception exception, int regionId);

    private async Task<RegionBoardSnapshot?> ComputeAsync(int regionId)
    {
        Interlocked.Increment(ref _computations);
        var plan = await _plans.GetPlanAsync(regionId);
        if (plan is null)
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync();
        var byStatus = await db.HeldPatients.Where(p => p.RegionId == regionId)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var nowUtc = now.UtcDateTime;
        HeldPatientStatus[] open = [HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled];
        var heldOverdue = await db.HeldPatients.CountAsync(p => p.RegionId == regionId && open.Contains(p.Status) && p.DeadlineUtc < nowUtc);
        var forms = db.PaperForms.Where(f => f.RegionId == regionId && f.Status == PaperFormStatus.Received);
        var funnel = new BacklogFunnel(
            byStatus.GetValueOrDefault(HeldPatientStatus.Logged), byStatus.GetValueOrDefault(HeldPatientStatus.ReRegistered),
            byStatus.GetValueOrDefault(HeldPatientStatus.Settled), byStatus.GetValueOrDefault(HeldPatientStatus.Closed),
            byStatus.GetValueOrDefault(HeldPatientStatus.Voided), heldOverdue);
        var nextHeld = await db.HeldPatients.Where(p => p.RegionId == regionId && open.Contains(p.Status) && p.DeadlineUtc >= nowUtc).MinAsync(p => p.DeadlineUtc);
        var nextForm = await forms.Where(f => f.DeadlineUtc >= nowUtc).MinAsync(f => f.DeadlineUtc);
        return new RegionBoardSnapshot(
            regionId, plan, funnel, await forms.CountAsync(), await forms.CountAsync(f => f.DeadlineUtc < nowUtc),
            await FacilitiesAsync(db, regionId, plan, now), await BurndownAsync(db, regionId, plan, now), now)
        {
            Activity = await BoardActivityReader.RecentAsync(db, regionId, now - ActivityWindow),
            NextRecountUtc = new[] { nextHeld, nextForm }.Where(d => d is not null).Select(d => (DateTimeOffset?)new DateTimeOffset(d!.Value, TimeSpan.Zero)).Min(),
        };
    }

    private static async Task<IReadOnlyList<FacilityBacklog>> FacilitiesAsync(DashboardDbContext db, int regionId, RegionPlan plan, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        HeldPatientStatus[] open = [HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled];
        var held = await db.HeldPatients.Where(p => p.RegionId == regionId && open.Contains(p.Status))
            .GroupBy(p => p.FacilityId)
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(p => p.DeadlineUtc < nowUtc), Oldest = g.Min(p => p.EnteredUtc) })
            .ToDictionaryAsync(g => g.Key);
        var forms = await db.PaperForms.Where(f => f.RegionId == regionId && f.Status == PaperFormStatus.Received)
            .GroupBy(f => f.FacilityId)
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(f => f.DeadlineUtc < nowUtc), Oldest = g.Min(f => f.EnteredUtc) })
            .ToDictionaryAsync(g => g.Key);
        var stage = plan.PhaseAt(now) == PlanPhase.CatchUp ? ReadinessStage.AfterGoLive : ReadinessStage.BeforeStop;
        var reported = (await db.ReadinessCheckIns.Where(c => c.RegionId == regionId && c.Stage == stage).ToListAsync())
            .GroupBy(c => c.FacilityId).Select(g => g.MaxBy(c => c.Id)!)
            .Where(c => c.IsComplete).Select(c => c.FacilityId).ToHashSet();
        var facilities = await db.Facilities.Where(f => f.RegionId == regionId && f.IsActive).Select(f => new { f.Id, f.Name }).ToListAsync();
        return facilities.Select(f =>
        {
            var h = held.GetValueOrDefault(f.Id);
            var p = forms.GetValueOrDefault(f.Id);
            DateTime? oldest = (h?.Oldest, p?.Oldest) switch
            {
                ({ } a, { } b) => a < b ? a : b,
                (var a, var b) => a ?? b,
            };
            return new FacilityBacklog(f.Id, f.Name, (h?.Count ?? 0) + (p?.Count ?? 0), (h?.Overdue ?? 0) + (p?.Overdue ?? 0), oldest, reported.Contains(f.Id));
        }).OrderByDescending(f => f.Health).ThenByDescending(f => f.Overdue).ThenByDescending(f => f.Outstanding).ThenBy(f => f.FacilityName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Outstanding items at the end of each local day from the day before go-live to the deadline (or today).</summary>
    private static async Task<IReadOnlyList<BurndownPoint>> BurndownAsync(DashboardDbContext db, int regionId, RegionPlan plan, DateTimeOffset now)
    {
        if (plan.GoLiveUtc is not { } goLive || now < goLive)
        {
            return [];
        }

        var offset = (int)plan.TimeZone.BaseUtcOffset.TotalMinutes;
        var entered = await DayCountsAsync(db, "EnteredUtc", regionId, offset);
        var resolved = await DayCountsAsync(db, "ResolvedUtc", regionId, offset);
        var first = DateOnly.FromDateTime(plan.ToLocal(goLive).DateTime).AddDays(-1);
        var end = plan.CatchUp.LastDay is { } lastDay && lastDay > DateOnly.FromDateTime(plan.ToLocal(now).DateTime) ? lastDay : DateOnly.FromDateTime(plan.ToLocal(now).DateTime);
        var outstanding = entered.Where(e => e.Key < first).Sum(e => e.Value) - resolved.Where(r => r.Key < first).Sum(r => r.Value);
        var points = new List<BurndownPoint>();
        for (var day = first; day <= end && points.Count < 400; day = day.AddDays(1))
        {
            outstanding += entered.GetValueOrDefault(day) - resolved.GetValueOrDefault(day);
            points.Add(new BurndownPoint(day, outstanding));
        }

        return points;
    }

    private static async Task<Dictionary<DateOnly, int>> DayCountsAsync(DashboardDbContext db, string column, int regionId, int offsetMinutes)
    {
        // Grouping by local day runs in the database; the column name is one of two constants and the
        // offset a number, never user input.
        var rows = new List<DayCount>();
        var day = db.Database.IsNpgsql()
            ? $"to_char((\"{column}\" AT TIME ZONE 'UTC') + interval '{offsetMinutes} minutes', 'YYYY-MM-DD')"
            : $"date(\"{column}\", '{offsetMinutes:+0;-0} minutes')";
        foreach (var table in new[] { "HeldPatients", "PaperForms" })
        {
            var sql = $"SELECT {day} AS \"Day\", CAST(COUNT(*) AS INTEGER) AS \"Count\" FROM \"{table}\" WHERE \"RegionId\" = {{0}} AND \"{column}\" IS NOT NULL GROUP BY 1";
#pragma warning disable EF1002 // The interpolated parts are the constants above; the region id is a parameter.
            rows.AddRange(await db.Database.SqlQueryRaw<DayCount>(sql, regionId).ToListAsync());
#pragma warning restore EF1002
        }

        return rows.GroupBy(r => DateOnly.ParseExact(r.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
    }

    private sealed record DayCount(string Day, int Count);
}
