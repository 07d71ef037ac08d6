namespace Dashboard.Core.HeldPatients;

/// <summary>Keeps each held patient's and paper form's deadline equal to its region's catch-up deadline.</summary>
public sealed class HeldPatientDeadlines(IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans)
{
    /// <summary>Call after a region's go-live or catch-up rule changes; returns the records updated.</summary>
    public async Task<int> RecomputeRegionAsync(int regionId, CancellationToken cancellationToken = default)
    {
        var plan = await plans.GetPlanAsync(regionId, cancellationToken);
        var deadline = plan?.CatchUp.EndsUtc?.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await db.HeldPatients
            .Where(p => p.RegionId == regionId && p.DeadlineUtc != deadline)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.DeadlineUtc, deadline), cancellationToken);
        var forms = await db.PaperForms
            .Where(f => f.RegionId == regionId && f.DeadlineUtc != deadline)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.DeadlineUtc, deadline), cancellationToken);
        return held + forms;
    }
}
