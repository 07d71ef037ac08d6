using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Plans;

/// <summary>Reads regions' cutover plans, with their computed catch-up deadlines.</summary>
public sealed class CutoverPlanService(IDbContextFactory<DashboardDbContext> dbFactory, CatchUpDeadlineCalculator deadlines)
{
    public async Task<IReadOnlyList<RegionPlan>> GetPlansAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await RegionsWithPlans(db).ToListAsync(cancellationToken);
        return regions.Select(ToRegionPlan).ToList();
    }

    /// <summary>The plan of the region with this code, or null if there is none.</summary>
    public async Task<RegionPlan?> GetPlanAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = code.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = await RegionsWithPlans(db).FirstOrDefaultAsync(r => r.Code == normalized, cancellationToken);
        return region is null ? null : ToRegionPlan(region);
    }

    private static IQueryable<Region> RegionsWithPlans(DashboardDbContext db) =>
        db.Regions.AsNoTracking()
            .Where(r => r.Plan != null)
            .Include(r => r.Plan!).ThenInclude(p => p.Milestones)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code);

    private RegionPlan ToRegionPlan(Region region)
    {
        var plan = region.Plan!;
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZoneId);
        var milestones = plan.Milestones
            .OrderBy(m => m.DueUtc).ThenBy(m => m.Id)
            .Select(ToView)
            .ToList();
        var goLive = milestones.FirstOrDefault(m => m.Kind == MilestoneKind.GoLive);
        return new RegionPlan(
            region.Code,
            new LocalizedText(region.NameZh, region.NameEn),
            region.IsRehearsal,
            timeZone,
            new LocalizedText(plan.OldSystemNameZh, plan.OldSystemNameEn),
            new LocalizedText(plan.NewSystemNameZh, plan.NewSystemNameEn),
            milestones,
            deadlines.Compute(plan, goLive, timeZone));
    }

    private static MilestoneView ToView(Milestone m) => new(
        m.Id,
        m.Kind,
        new DateTimeOffset(m.DueUtc, TimeSpan.Zero),
        m.Precision,
        m.IsEstimated,
        m.WrittenAsEndOfDay,
        m.Status,
        m.Owner,
        new LocalizedText(m.TitleZh, m.TitleEn),
        m.NoteZh is null ? null : new LocalizedText(m.NoteZh, m.NoteEn ?? m.NoteZh));
}
