using Dashboard.Core.HeldPatients;
using Dashboard.Core.Paging;
using Dashboard.Core.Privacy;

namespace Dashboard.Core.PaperForms;

/// <summary>Paper-form lists and pages, scoped and paged in the database.</summary>
public sealed class PaperFormQueries(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, CutoverPlanService plans, TimeProvider clock) : IRecordList<PaperFormFilter, PaperFormRow>
{
    private static readonly RecordListShape<PaperForm, PaperFormFilter, PaperFormRow> ListShape =
        new(data => data.PaperForms, (db, query, filter, now, _) => Task.FromResult(Filter(db, query, filter, now)), Sort, Row, f => f.Id);

    public Task<int> CountAsync(AccessScope scope, PaperFormFilter filter, CancellationToken cancellationToken = default) =>
        RecordPages.CountAsync(dbFactory, ListShape, scope, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);

    public async Task<IReadOnlyList<PaperFormRow>> PageAsync(AccessScope scope, PaperFormFilter filter, int skip, int take, CancellationToken cancellationToken = default) =>
        await plans.WithCatchUpAsync(
            await RecordPages.PageAsync(dbFactory, ListShape, scope, filter, clock.GetUtcNow().UtcDateTime, skip, take, cancellationToken),
            f => f.RegionId, (f, catchUp) => f with { CatchUp = catchUp }, cancellationToken);

    /// <summary>A list row: the ID number masked, overdue as of <paramref name="now"/>.</summary>
    internal static System.Linq.Expressions.Expression<Func<PaperForm, PaperFormRow>> Row(DateTime now) => f => new PaperFormRow(
        f.Id, f.Facility!.Name, f.Kind, f.Subkind, f.SerialNumber, f.PatientName, PersonalDataMask.IdNumber(f.IdNumber),
        f.Destination, f.IssuedUtc, f.Status, f.DeadlineUtc, f.Status.IsOpen() && f.DeadlineUtc < now, f.RegionId);

    /// <summary>The form's page, or null (and an audited denial) outside the caller's scope or for an id that does not exist.</summary>
    public Task<PaperFormDetails?> GetAsync(AccessScope scope, int id, CancellationToken cancellationToken = default) =>
        GetAsync(scope, id, auditMiss: true, cancellationToken);

    /// <summary>As above; <paramref name="auditMiss"/> false when this visit's miss is already audited (the page's prerender).</summary>
    public async Task<PaperFormDetails?> GetAsync(AccessScope scope, int id, bool auditMiss, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var f = await db.For(scope).PaperForms.AsNoTracking().Include(x => x.Facility).ThenInclude(x => x!.Region).ThenInclude(r => r!.Plan)
            .Include(x => x.HeldPatient).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (f is null)
        {
            if (!auditMiss)
            {
                return null;
            }

            if (await db.PaperForms.AnyAsync(x => x.Id == id, cancellationToken))
            {
                await audit.RecordDeniedAsync(scope, nameof(PaperForm), id, "read", cancellationToken);
            }
            else
            {
                await audit.RecordMissingAsync(scope, nameof(PaperForm), id, "read", cancellationToken);
            }

            return null;
        }

        var zone = RegionTimeZone.Of(f.Facility?.Region?.Plan?.TimeZoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        var heldVisible = f.HeldPatient is { } held && scope.CanSeeFacility(held.FacilityId, held.RegionId);
        return new PaperFormDetails(
            f.Id, f.FacilityId, f.Facility!.Name, f.RegionId, zone, f.Kind, f.Subkind, f.SerialNumber, f.PatientName, f.IdDocumentType,
            PersonalDataMask.IdNumber(f.IdNumber), f.FromPlace, f.Destination, f.IssuedUtc, f.Reason, f.SignedAndStamped, f.IssuedBy,
            heldVisible ? f.HeldPatientId : null, heldVisible ? f.HeldPatient!.PatientName : null, f.Status, f.FilingNumber, f.StatusReason,
            f.DeadlineUtc, f.Status.IsOpen() && f.DeadlineUtc < now, f.EnteredByName, f.EnteredUtc, f.Version)
        {
            CatchUp = (await plans.GetPlanAsync(f.RegionId, cancellationToken))?.CatchUp,
        };
    }

    /// <summary>The forms linked to a held patient that the caller may see.</summary>
    public async Task<IReadOnlyList<LinkedForm>> LinkedToAsync(AccessScope scope, int heldPatientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.For(scope).PaperForms.AsNoTracking().Where(f => f.HeldPatientId == heldPatientId)
            .OrderBy(f => f.Id).Select(f => new LinkedForm(f.Id, f.Kind, f.SerialNumber, f.Status)).ToListAsync(cancellationToken);
    }

    private static IQueryable<PaperForm> Sort(IQueryable<PaperForm> query, PaperFormFilter filter) => (filter.SortBy, filter.Descending) switch
    {
        (PaperFormSortColumn.SerialNumber, false) => query.OrderBy(f => f.SerialNumber).ThenBy(f => f.Id),
        (PaperFormSortColumn.SerialNumber, true) => query.OrderByDescending(f => f.SerialNumber).ThenByDescending(f => f.Id),
        (PaperFormSortColumn.PatientName, false) => query.OrderBy(f => f.PatientNameSortKey).ThenBy(f => f.Id),
        (PaperFormSortColumn.PatientName, true) => query.OrderByDescending(f => f.PatientNameSortKey).ThenByDescending(f => f.Id),
        (PaperFormSortColumn.Status, false) => query.OrderByDeclared(f => f.Status, descending: false).ThenBy(f => f.Id),
        (PaperFormSortColumn.Status, true) => query.OrderByDeclared(f => f.Status, descending: true).ThenByDescending(f => f.Id),
        (PaperFormSortColumn.IssuedUtc, false) => query.OrderBy(f => f.IssuedUtc).ThenBy(f => f.Id),
        (PaperFormSortColumn.IssuedUtc, true) => query.OrderByDescending(f => f.IssuedUtc).ThenByDescending(f => f.Id),
        (PaperFormSortColumn.DeadlineUtc, false) => query.OrderBy(f => f.DeadlineUtc).ThenBy(f => f.Id),
        (PaperFormSortColumn.DeadlineUtc, true) => query.OrderByDescending(f => f.DeadlineUtc).ThenByDescending(f => f.Id),
        (_, false) => query.OrderBy(f => f.EnteredUtc).ThenBy(f => f.Id),
        _ => query.OrderByDescending(f => f.EnteredUtc).ThenByDescending(f => f.Id),
    };

    private static IQueryable<PaperForm> Filter(DashboardDbContext db, IQueryable<PaperForm> query, PaperFormFilter filter, DateTime now)
    {
        if (filter.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(f => f.Status == PaperFormStatus.Received && f.DeadlineUtc < now);
        }

        if (filter.HeldPatientId is { } heldId)
        {
            query = query.Where(f => f.HeldPatientId == heldId);
        }

        var search = filter.Search?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = TextPrefix.Pattern(db.Database, search);
            query = query.Where(f => f.SerialNumber == search || TextPrefix.Matches(f.PatientName, pattern) || f.IdNumber.EndsWith(search));
        }

        return query;
    }
}
