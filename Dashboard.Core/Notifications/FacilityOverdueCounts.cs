using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.Notifications;

/// <summary>A facility's outstanding and overdue items (held patients and paper forms), as the board counts them.</summary>
internal sealed record FacilityOverdue(int FacilityId, string Name, int Outstanding, int Overdue);

/// <summary>
/// Every facility of a region, for the notification producer (no caller: what leaves is a facility's
/// name and counts, sent to the groups administrators configured).
/// </summary>
internal static class FacilityOverdueCounts
{
    public static async Task<IReadOnlyList<FacilityOverdue>> ReadAsync(DashboardDbContext db, int regionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var nowUtc = now.UtcDateTime;
        HeldPatientStatus[] open = [HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled];
        var held = await db.HeldPatients.Where(p => p.RegionId == regionId && open.Contains(p.Status))
            .GroupBy(p => p.FacilityId)
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(p => p.DeadlineUtc < nowUtc) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var forms = await db.PaperForms.Where(f => f.RegionId == regionId && f.Status == PaperFormStatus.Received)
            .GroupBy(f => f.FacilityId)
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(f => f.DeadlineUtc < nowUtc) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var facilities = await db.Facilities.Where(f => f.RegionId == regionId && f.IsActive).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        return facilities.Select(f => new FacilityOverdue(
            f.Id, f.Name,
            (held.GetValueOrDefault(f.Id)?.Count ?? 0) + (forms.GetValueOrDefault(f.Id)?.Count ?? 0),
            (held.GetValueOrDefault(f.Id)?.Overdue ?? 0) + (forms.GetValueOrDefault(f.Id)?.Overdue ?? 0))).ToList();
    }
}
