using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.CatchUp;

/// <summary>The outstanding held patients and paper forms under a filter, always within the caller's scope.</summary>
public sealed class CatchUpQueries(IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, TimeProvider clock)
{
    private static readonly HeldPatientStatus[] OpenHeld = [HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled];

    /// <summary>
    /// The zone a filter's deadline dates are days in: its region's, or Beijing time for a list
    /// across regions (they all keep it).
    /// </summary>
    public async Task<TimeZoneInfo> ZoneOfAsync(CatchUpFilter filter, CancellationToken cancellationToken = default) =>
        filter?.RegionId is { } regionId ? (await plans.GetPlanAsync(regionId, cancellationToken))?.TimeZone ?? RegionTimeZone.Default : RegionTimeZone.Default;

    public async Task<CatchUpCounts> CountAsync(AccessScope scope, CatchUpFilter filter, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await ZoneOfAsync(filter, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (held, heldOverdue) = (0, 0);
        if (!ExcludesHeld(filter))
        {
            var query = Held(db, scope, filter, now, zone);
            (held, heldOverdue) = (await query.CountAsync(cancellationToken), await query.CountAsync(p => p.DeadlineUtc < now, cancellationToken));
        }

        var (forms, formsOverdue) = (0, 0);
        if (!ExcludesForms(filter))
        {
            var query = Forms(db, scope, filter, now, zone);
            (forms, formsOverdue) = (await query.CountAsync(cancellationToken), await query.CountAsync(f => f.DeadlineUtc < now, cancellationToken));
        }

        return new CatchUpCounts(held, heldOverdue, forms, formsOverdue);
    }

    /// <summary>Outstanding work per facility and category (held patients) or kind (paper forms).</summary>
    public async Task<IReadOnlyList<CatchUpSummaryRow>> SummaryAsync(AccessScope scope, CatchUpFilter filter, Func<HeldPatientCategory, string> categoryName,
        Func<PaperFormKind, string> kindName, CancellationToken cancellationToken = default) =>
        (await SummaryWithCountsAsync(scope, filter, categoryName, kindName, cancellationToken)).Rows;

    /// <summary>
    /// The summary and the counts from one pass over the outstanding records (the counts are the
    /// summary's totals). Groups by the facility's id, not its name: integers group without a join
    /// and a text sort over every row; the few names are read afterwards.
    /// </summary>
    public async Task<(IReadOnlyList<CatchUpSummaryRow> Rows, CatchUpCounts Counts)> SummaryWithCountsAsync(AccessScope scope, CatchUpFilter filter,
        Func<HeldPatientCategory, string> categoryName, Func<PaperFormKind, string> kindName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        ArgumentNullException.ThrowIfNull(kindName);
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await ZoneOfAsync(filter, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await Held(db, scope, filter, now, zone)
            .GroupBy(p => new { p.FacilityId, p.Category })
            .Select(g => new { g.Key.FacilityId, g.Key.Category, Count = g.Count(), Overdue = g.Count(p => p.DeadlineUtc < now), Oldest = g.Min(p => p.EnteredUtc) })
            .ToListAsync(cancellationToken);
        var forms = await Forms(db, scope, filter, now, zone)
            .GroupBy(f => new { f.FacilityId, f.Kind })
            .Select(g => new { g.Key.FacilityId, g.Key.Kind, Count = g.Count(), Overdue = g.Count(f => f.DeadlineUtc < now), Oldest = g.Min(f => f.EnteredUtc) })
            .ToListAsync(cancellationToken);
        var facilityIds = held.Select(h => h.FacilityId).Concat(forms.Select(f => f.FacilityId)).Distinct().ToList();
        var names = await db.For(scope).Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var rows = held.Select(h => new CatchUpSummaryRow(names.GetValueOrDefault(h.FacilityId, ""), categoryName(h.Category), h.Count, h.Overdue, h.Oldest))
            .Concat(forms.Select(f => new CatchUpSummaryRow(names.GetValueOrDefault(f.FacilityId, ""), kindName(f.Kind), f.Count, f.Overdue, f.Oldest)))
            .OrderBy(r => r.FacilityName, StringComparer.Ordinal).ThenBy(r => r.What, StringComparer.Ordinal)
            .ToList();
        var counts = new CatchUpCounts(held.Sum(h => h.Count), held.Sum(h => h.Overdue), forms.Sum(f => f.Count), forms.Sum(f => f.Overdue));
        return (rows, counts);
    }

    /// <summary>One preview page of the outstanding held patients, oldest first; <see cref="CountAsync"/> gives the total.</summary>
    public async Task<IReadOnlyList<HeldPatientRow>> PreviewHeldAsync(AccessScope scope, CatchUpFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (ExcludesHeld(filter))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await ZoneOfAsync(filter, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Held(db, scope, filter, now, zone).OrderBy(p => p.EnteredUtc).ThenBy(p => p.Id);
        var rows = await RecordPages.ReadAsync(query, db.For(scope).HeldPatients.AsNoTracking(), skip, take, HeldPatientQueries.Row(now), r => r.Id, cancellationToken);
        return await plans.WithCatchUpAsync(rows, r => r.RegionId, (r, catchUp) => r with { CatchUp = catchUp }, cancellationToken);
    }

    /// <summary>One preview page of the outstanding paper forms, oldest first; <see cref="CountAsync"/> gives the total.</summary>
    public async Task<IReadOnlyList<PaperFormRow>> PreviewFormsAsync(AccessScope scope, CatchUpFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (ExcludesForms(filter))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await ZoneOfAsync(filter, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Forms(db, scope, filter, now, zone).OrderBy(f => f.EnteredUtc).ThenBy(f => f.Id);
        var rows = await RecordPages.ReadAsync(query, db.For(scope).PaperForms.AsNoTracking(), skip, take, PaperFormQueries.Row(now), f => f.Id, cancellationToken);
        return await plans.WithCatchUpAsync(rows, f => f.RegionId, (f, catchUp) => f with { CatchUp = catchUp }, cancellationToken);
    }

    /// <summary>
    /// The outstanding held patients, oldest first, as a streamed export writes them: only the
    /// columns a sheet shows (whole entities with their invoices cost twice as much to read), and the
    /// invoice numbers from a second query on <paramref name="invoicesDb"/> in the same order, merged
    /// as both stream. A record whose invoices changed between the two reads shows the second read's.
    /// </summary>
    public IEnumerable<HeldPatient> HeldPatientsForExport(DashboardDbContext db, DashboardDbContext invoicesDb, AccessScope scope, CatchUpFilter filter, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoicesDb);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = Held(db, scope, filter, now, zone).OrderBy(p => p.EnteredUtc).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.FacilityId, p.RegionId, p.EnteredUtc, p.PatientName, p.IdDocumentType, p.IdNumber, p.InsuranceType, p.Category, p.AdmittedUtc,
                p.DischargedUtc, p.VisitUtc, p.Department, p.AmountAdvanced, p.Phone, FacilityName = p.Facility!.Name, p.Status, p.DeadlineUtc, p.Notes,
                p.NewPlatformNumber,
            })
            .AsEnumerable();
        var invoices = invoicesDb.Set<HeldPatientInvoice>().AsNoTracking()
            .Join(Held(invoicesDb, scope, filter, now, zone), i => i.HeldPatientId, p => p.Id, (i, p) => new { p.EnteredUtc, HeldPatientId = p.Id, i.Id, i.Number })
            .OrderBy(i => i.EnteredUtc).ThenBy(i => i.HeldPatientId).ThenBy(i => i.Id)
            .AsEnumerable();
        using var invoice = invoices.GetEnumerator();
        var more = invoice.MoveNext();
        foreach (var row in rows)
        {
            // Invoices of records the first read did not see come before this record's in the order: skip them.
            while (more && (invoice.Current.EnteredUtc, invoice.Current.HeldPatientId).CompareTo((row.EnteredUtc, row.Id)) < 0)
            {
                more = invoice.MoveNext();
            }

            var numbers = new List<HeldPatientInvoice>();
            while (more && invoice.Current.HeldPatientId == row.Id)
            {
                numbers.Add(new HeldPatientInvoice { Id = invoice.Current.Id, HeldPatientId = row.Id, Number = invoice.Current.Number });
                more = invoice.MoveNext();
            }

            var record = new HeldPatient
            {
                Id = row.Id, FacilityId = row.FacilityId, RegionId = row.RegionId, EnteredUtc = row.EnteredUtc, PatientName = row.PatientName,
                IdDocumentType = row.IdDocumentType, IdNumber = row.IdNumber, InsuranceType = row.InsuranceType, Category = row.Category,
                AdmittedUtc = row.AdmittedUtc, DischargedUtc = row.DischargedUtc, VisitUtc = row.VisitUtc, Department = row.Department,
                AmountAdvanced = row.AmountAdvanced, Phone = row.Phone, Status = row.Status, DeadlineUtc = row.DeadlineUtc, Notes = row.Notes,
                NewPlatformNumber = row.NewPlatformNumber,
                Facility = new Facilities.Facility { Id = row.FacilityId, RegionId = row.RegionId, Code = "", Name = row.FacilityName },
                Invoices = numbers, EnteredByUserId = "", EnteredByName = "",
            };
            yield return record;
        }
    }

    public IQueryable<PaperForm> PaperForms(DashboardDbContext db, AccessScope scope, CatchUpFilter filter, TimeZoneInfo zone) =>
        Forms(db, scope, filter, clock.GetUtcNow().UtcDateTime, zone).Include(f => f.Facility).OrderBy(f => f.EnteredUtc).ThenBy(f => f.Id);

    private static IQueryable<HeldPatient> Held(DashboardDbContext db, AccessScope scope, CatchUpFilter filter, DateTime now, TimeZoneInfo zone)
    {
        var query = db.For(scope).HeldPatients.AsNoTracking().Where(p => OpenHeld.Contains(p.Status));
        if (ExcludesHeld(filter))
        {
            return query.Where(p => false);
        }

        query = Common(query, filter, now, zone);
        if (filter.Category is { } category)
        {
            query = query.Where(p => p.Category == category);
        }

        if (filter.HeldStatus is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        return query;
    }

    private static IQueryable<PaperForm> Forms(DashboardDbContext db, AccessScope scope, CatchUpFilter filter, DateTime now, TimeZoneInfo zone)
    {
        var query = db.For(scope).PaperForms.AsNoTracking().Where(f => f.Status == PaperFormStatus.Received);
        if (ExcludesForms(filter))
        {
            return query.Where(f => false);
        }

        query = Common(query, filter, now, zone);
        return filter.FormKind is { } kind ? query.Where(f => f.Kind == kind) : query;
    }

    /// <summary>A paper form's kind leaves no held patients: counts and previews then ask nothing (a WHERE 0 query still costs a round trip).</summary>
    private static bool ExcludesHeld(CatchUpFilter filter) => filter.FormKind is not null;

    /// <summary>A held patient's category or status leaves no paper forms.</summary>
    private static bool ExcludesForms(CatchUpFilter filter) => filter.Category is not null || filter.HeldStatus is not null;

    /// <summary>Region, facility, overdue and deadline range: the same for both kinds of record.</summary>
    private static IQueryable<T> Common<T>(IQueryable<T> query, CatchUpFilter filter, DateTime now, TimeZoneInfo zone)
        where T : class, IFacilityScoped, IHasDeadline
    {
        if (filter.RegionId is { } regionId)
        {
            query = query.Where(r => r.RegionId == regionId);
        }

        if (filter.FacilityId is { } facilityId)
        {
            query = query.Where(r => r.FacilityId == facilityId);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(r => r.DeadlineUtc < now);
        }

        if (filter.DeadlineFrom is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            query = query.Where(r => r.DeadlineUtc > fromUtc);
        }

        if (filter.DeadlineTo is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            query = query.Where(r => r.DeadlineUtc <= toUtc);
        }

        return query;
    }
}
