namespace Dashboard.Core.Calendar;

/// <summary>
/// Each region's working-day calendar: the official one with the region's local adjustments on top.
/// Every deadline (a plan's catch-up deadline, each record's, the board, the API) is computed through
/// <see cref="CutoverPlanService"/>, which takes its calendars from here, so they all agree. The
/// adjustments are read in one query and kept until <see cref="RegionCalendarService"/> changes one:
/// a list of a thousand rows costs no calendar query at all.
/// </summary>
public sealed class RegionCalendars
{
    private readonly IDbContextFactory<DashboardDbContext> _dbFactory;
    private readonly IReadOnlyList<HolidayYear> _years;
    private readonly Lock _gate = new();
    private Task<RegionCalendarSet>? _loaded;

    public RegionCalendars(IDbContextFactory<DashboardDbContext> dbFactory)
    {
        _dbFactory = dbFactory;
        _years = HolidayCalendarData.LoadEmbedded();
        Official = new WorkingDayCalendar(_years);
    }

    /// <summary>The State Council calendar alone.</summary>
    public WorkingDayCalendar Official { get; }

    /// <summary>Every region's calendar as last saved; read from the database only after a change.</summary>
    public Task<RegionCalendarSet> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<RegionCalendarSet> loaded;
        lock (_gate)
        {
            if (_loaded is null || _loaded.IsFaulted || _loaded.IsCanceled)
            {
                // Not the caller's token: the read is shared by every caller until the next change.
                _loaded = Task.Run(LoadAsync, CancellationToken.None);
            }

            loaded = _loaded;
        }

        return loaded.WaitAsync(cancellationToken);
    }

    public async Task<WorkingDayCalendar> ForRegionAsync(int regionId, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).For(regionId);

    /// <summary>
    /// Forgets the calendars after an adjustment was saved (call after the commit): the next reader reads
    /// them again. A read started before the commit is dropped with the rest (both under the gate), so a
    /// stale read cannot be kept.
    /// </summary>
    public void Invalidate()
    {
        Drop();
        Forward?.Invoke();
    }

    /// <summary>Where an invalidation goes to reach the other nodes' copies (<see cref="Live.PostgresSignals"/>); unset on a single node.</summary>
    internal Action? Forward { get; set; }

    /// <summary>The calendar changed through another node: drop this node's copy.</summary>
    internal void Drop()
    {
        lock (_gate)
        {
            _loaded = null;
        }
    }

    private async Task<RegionCalendarSet> LoadAsync()
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var days = await db.RegionCalendarDays.AsNoTracking()
            .Where(d => !d.IsRemoved)
            .Select(d => new { d.RegionId, d.Date, d.IsOffDay, d.Reason })
            .ToListAsync();
        var byRegion = days
            .GroupBy(d => d.RegionId)
            .ToDictionary(g => g.Key, g => new WorkingDayCalendar(_years, g.Select(d => new HolidayDay(d.Date, d.Reason, d.IsOffDay))));
        return new RegionCalendarSet(Official, byRegion);
    }
}

/// <summary>The calendars of every region at one moment; a region without adjustments has the official one.</summary>
public sealed class RegionCalendarSet(WorkingDayCalendar official, IReadOnlyDictionary<int, WorkingDayCalendar> local)
{
    public WorkingDayCalendar For(int regionId) => local.GetValueOrDefault(regionId, official);
}
