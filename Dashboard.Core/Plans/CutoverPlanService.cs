using Dashboard.Core.Calendar;

namespace Dashboard.Core.Plans;

/// <summary>
/// Reads regions' cutover plans, with their catch-up deadlines computed under each region's own
/// calendar (<see cref="RegionCalendars"/>): every deadline the app shows or stores comes from here.
/// </summary>
public sealed class CutoverPlanService(IDbContextFactory<DashboardDbContext> dbFactory, CatchUpDeadlineCalculator deadlines, RegionCalendars calendars)
{
    public async Task<IReadOnlyList<RegionPlan>> GetPlansAsync(CancellationToken cancellationToken = default)
    {
        var calendarSet = await calendars.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await RegionsWithPlans(db).ToListAsync(cancellationToken);
        return regions.Select(r => ToRegionPlan(r, calendarSet)).ToList();
    }

    /// <summary>The plan of the region with this code, or null if there is none.</summary>
    public async Task<RegionPlan?> GetPlanAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = code.Trim().ToLowerInvariant();
        var calendarSet = await calendars.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await RegionsWithPlans(db).FirstOrDefaultAsync(r => r.Code == normalized, cancellationToken);
        return region is null ? null : ToRegionPlan(region, calendarSet);
    }

    /// <summary>
    /// Each region's catch-up deadline by region id: records store the instant, and the lists and
    /// exports read here whether it is only an estimate or why it could not be computed.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, CatchUpDeadline>> GetCatchUpDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        var calendarSet = await calendars.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await RegionsWithPlans(db).ToListAsync(cancellationToken);
        return regions.ToDictionary(r => r.Id, r => ToRegionPlan(r, calendarSet).CatchUp);
    }

    /// <summary>A page of list rows with each row's region catch-up deadline attached (read once for the page).</summary>
    public async Task<IReadOnlyList<TRow>> WithCatchUpAsync<TRow>(
        IReadOnlyList<TRow> rows, Func<TRow, int> regionOf, Func<TRow, CatchUpDeadline?, TRow> attach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(regionOf);
        ArgumentNullException.ThrowIfNull(attach);
        if (rows.Count == 0)
        {
            return rows;
        }

        var deadlines = await GetCatchUpDeadlinesAsync(cancellationToken);
        return [.. rows.Select(row => attach(row, deadlines.GetValueOrDefault(regionOf(row))))];
    }

    /// <summary>Every region, for pickers (ordered as on the overview).</summary>
    public async Task<IReadOnlyList<RegionOption>> GetRegionOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Regions.AsNoTracking()
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new RegionOption(r.Id, r.Code, new LocalizedText(r.NameZh, r.NameEn)))
            .ToListAsync(cancellationToken);
    }

    public async Task<RegionPlan?> GetPlanAsync(int regionId, CancellationToken cancellationToken = default)
    {
        var calendarSet = await calendars.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await RegionsWithPlans(db).FirstOrDefaultAsync(r => r.Id == regionId, cancellationToken);
        return region is null ? null : ToRegionPlan(region, calendarSet);
    }

    private static IQueryable<Region> RegionsWithPlans(DashboardDbContext db) =>
        db.Regions.AsNoTracking()
            .Where(r => r.Plan != null)
            .Include(r => r.Plan!).ThenInclude(p => p.Milestones)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code);

    private RegionPlan ToRegionPlan(Region region, RegionCalendarSet calendarSet) =>
        RegionPlanMapper.ToRegionPlan(region, deadlines, calendarSet.For(region.Id));
}
