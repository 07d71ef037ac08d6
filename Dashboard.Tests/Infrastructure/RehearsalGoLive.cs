using Dashboard.Core.Access;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The rehearsal's go-live changed as a supervisor changes it on the region page. Its catch-up rule
/// counts 10 working days from go-live, so an expected go-live makes the deadline an estimate, and a
/// go-live in 2028 (no holiday data bundled) leaves it uncomputable.
/// </summary>
internal static class RehearsalGoLive
{
    /// <summary>Go-live at <paramref name="localTime"/>, marked expected (预计) or not.</summary>
    public static async Task SetAsync(IServiceProvider services, string localTime, bool estimated)
    {
        ArgumentNullException.ThrowIfNull(services);
        var plan = (await services.GetRequiredService<CutoverPlanService>().GetPlanAsync("rehearsal"))!;
        var goLive = plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var result = await services.GetRequiredService<PlanEditingService>().UpdateAsync(await SupervisorAsync(services), goLive.Id, goLive.Version, new MilestoneInput
        {
            Kind = MilestoneKind.GoLive, LocalTime = localTime, IsEstimated = estimated, TitleZh = goLive.Title.Zh, TitleEn = goLive.Title.En,
            Owner = goLive.Owner, NoteZh = goLive.Note?.Zh,
        });
        Assert.True(result.Succeeded);
    }

    /// <summary>Go-live on its seeded day, Sunday 2026-12-06 (deadline Friday 2026-12-18), now expected.</summary>
    public static Task EstimateAsync(IServiceProvider services) => SetAsync(services, "2026-12-06 08:00", estimated: true);

    /// <summary>Go-live in January 2028, a year the bundled holiday calendar lacks.</summary>
    public static Task IntoMissingYearAsync(IServiceProvider services) => SetAsync(services, "2028-01-10 08:00", estimated: false);

    /// <summary>Puts the go-live back as it was: a browser test shares its app with the rest of its collection.</summary>
    public static async Task<Func<Task>> RememberAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var plan = (await services.GetRequiredService<CutoverPlanService>().GetPlanAsync("rehearsal"))!;
        var goLive = plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var written = Dashboard.Time.TimeTextFormatter.MilestoneTime(goLive, plan.TimeZone);
        return () => SetAsync(services, written, goLive.IsEstimated);
    }

    private static async Task<AccessScope> SupervisorAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync();
        return (await services.GetRequiredService<AccessScopeResolver>().ResolveAsync(id, null))!;
    }
}
