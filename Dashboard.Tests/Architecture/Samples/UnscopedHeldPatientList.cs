using Dashboard.Core.Access;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Architecture.Samples;

/// <summary>
/// A deliberately wrong service: it lists held patients with no scope, as a new query might. The
/// architecture test runs its rules on this type to show they catch it. Never registered or called.
/// </summary>
public sealed class UnscopedHeldPatientList(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<List<HeldPatient>> NewestAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.HeldPatients.OrderByDescending(p => p.EnteredUtc).Take(10).ToListAsync();
    }

    public async Task<List<HeldPatient>> ScopedNewestAsync(AccessScope scope)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.For(scope).HeldPatients.OrderByDescending(p => p.EnteredUtc).Take(10).ToListAsync();
    }
}
