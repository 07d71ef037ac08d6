using Dashboard.Core.Paging;
using System.Text.RegularExpressions;
using Dashboard.Core.Privacy;

namespace Dashboard.Core.HeldPatients;

/// <summary>Held-patient lists and pages: scoped, filtered, sorted and paged in the database.</summary>
public sealed partial class HeldPatientQueries(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, CutoverPlanService plans, TimeProvider clock)
    : IRecordList<HeldPatientFilter, HeldPatientRow>
{
    public const int MaxPageSize = RecordPages.MaxPageSize;

    private static readonly RecordListShape<HeldPatient, HeldPatientFilter, HeldPatientRow> ListShape =
        new(data => data.HeldPatients, FilterAsync, Sort, Row, r => r.Id);

    public Task<int> CountAsync(AccessScope scope, HeldPatientFilter filter, CancellationToken cancellationToken = default) =>
        RecordPages.CountAsync(dbFactory, ListShape, scope, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);

    public async Task<IReadOnlyList<HeldPatientRow>> PageAsync(AccessScope scope, HeldPatientFilter filter, int skip, int take, CancellationToken cancellationToken = default) =>
        await plans.WithCatchUpAsync(
            await RecordPages.PageAsync(dbFactory, ListShape, scope, filter, clock.GetUtcNow().UtcDateTime, skip, take, cancellationToken),
            r => r.RegionId, (r, catchUp) => r with { CatchUp = catchUp }, cancellationToken);

    /// <summary>A list row: the ID number masked, overdue as of <paramref name="now"/>.</summary>
    internal static System.Linq.Expressions.Expression<Func<HeldPatient, HeldPatientRow>> Row(DateTime now) => p => new HeldPatientRow(
        p.Id, p.Facility!.Name, p.Category, p.PatientName, PersonalDataMask.IdNumber(p.IdNumber), p.Status, p.EnteredUtc, p.AdmittedUtc ?? p.VisitUtc,
        p.DeadlineUtc, p.Status.IsOpen() && p.DeadlineUtc < now, p.AmountAdvanced, p.RegionId);

    /// <summary>The record's page, or null (and an audited denial) outside the caller's scope or for an id that does not exist.</summary>
    public Task<HeldPatientDetails?> GetAsync(AccessScope scope, int id, CancellationToken cancellationToken = default) =>
        GetAsync(scope, id, auditMiss: true, cancellationToken);

    /// <summary>As above; <paramref name="auditMiss"/> false when this visit's miss is already audited (the page's prerender).</summary>
    public async Task<HeldPatientDetails?> GetAsync(AccessScope scope, int id, bool auditMiss, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.For(scope).HeldPatients.AsNoTracking().Include(x => x.Invoices)
            .Include(x => x.Facility).ThenInclude(f => f!.Region).ThenInclude(r => r!.Plan)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null)
        {
            if (!auditMiss)
            {
                return null;
            }

            if (await db.HeldPatients.AnyAsync(x => x.Id == id, cancellationToken))
            {
                await audit.RecordDeniedAsync(scope, nameof(HeldPatient), id, "read", cancellationToken);
            }
            else
            {
                await audit.RecordMissingAsync(scope, nameof(HeldPatient), id, "read", cancellationToken);
            }

            return null;
        }

        var facility = p.Facility!;
        var zone = RegionTimeZone.Of(facility.Region?.Plan?.TimeZoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        return new HeldPatientDetails(
            p.Id, p.FacilityId, facility.Name, facility.ContactPhone, facility.Address, p.RegionId, facility.Region?.Code ?? "", zone,
            p.Category, p.PatientName, p.IdDocumentType, PersonalDataMask.IdNumber(p.IdNumber), p.InsuranceType,
            p.Phone is null ? null : PersonalDataMask.Phone(p.Phone), p.AdmittedUtc, p.DischargedUtc, p.VisitUtc, p.Department,
            p.AmountAdvanced, p.Invoices.Select(i => i.Number).ToList(), p.Notes, p.Status, p.NewPlatformNumber, p.VoidReason,
            p.DeadlineUtc, p.Status.IsOpen() && p.DeadlineUtc < now, p.EnteredByName, p.EnteredUtc, p.UpdatedUtc, p.Version)
        {
            CatchUp = (await plans.GetPlanAsync(p.RegionId, cancellationToken))?.CatchUp,
        };
    }

    /// <summary>The record as its form edits it (times in local text); only for roles that edit records.</summary>
    public async Task<(HeldPatientInput Input, long Version)?> GetForEditAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.MayEditRecords)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.For(scope).HeldPatients.AsNoTracking().Include(x => x.Invoices)
            .Include(x => x.Facility).ThenInclude(f => f!.Region).ThenInclude(r => r!.Plan)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var zone = RegionTimeZone.Of(p.Facility?.Region?.Plan?.TimeZoneId);
        var input = new HeldPatientInput
        {
            Category = p.Category,
            InsuranceType = p.InsuranceType,
            Phone = p.Phone,
            AdmittedAt = LocalTimeText.FromUtc(p.AdmittedUtc, zone),
            DischargedAt = LocalTimeText.FromUtc(p.DischargedUtc, zone),
            VisitAt = LocalTimeText.FromUtc(p.VisitUtc, zone),
            Department = p.Department,
            Amount = p.AmountAdvanced?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            InvoiceNumbers = string.Join(", ", p.Invoices.Select(i => i.Number)),
            Notes = p.Notes,
        }.WithPatientOf(p);
        return (input, p.Version);
    }

    private static async Task<IQueryable<HeldPatient>> FilterAsync(
        DashboardDbContext db, IQueryable<HeldPatient> query, HeldPatientFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        if (filter.FacilityId is { } facilityId)
        {
            query = query.Where(p => p.FacilityId == facilityId);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(p => p.Category == category);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.OverdueOnly)
        {
            HeldPatientStatus[] open = [HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled];
            query = query.Where(p => open.Contains(p.Status) && p.DeadlineUtc < now);
        }

        var search = filter.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var namePattern = TextPrefix.Pattern(db.Database, search);
            query = InvoiceLike().IsMatch(search)
                ? await NumberAsync(db, query, search, cancellationToken)
                : query.Where(p => TextPrefix.Matches(p.PatientName, namePattern));
        }

        return query;
    }

    /// <summary>
    /// Something typed like a number: a whole invoice number (FP2026001, 2026-000123), the end of an
    /// ID number (digits, or a passport's letters and digits), or, failing those, the start of a name
    /// written in Latin letters. The invoice lookup runs first so that the OR joins index lookups
    /// instead of scanning the table.
    /// </summary>
    private static async Task<IQueryable<HeldPatient>> NumberAsync(DashboardDbContext db, IQueryable<HeldPatient> query, string number, CancellationToken cancellationToken)
    {
        // Invoice numbers are kept as typed; these spellings are the ones people type, and each is an index lookup.
        string[] spellings = [.. new[] { number, number.ToUpperInvariant(), number.ToLowerInvariant() }.Distinct(StringComparer.Ordinal)];
        var invoiceOwners = await db.Set<HeldPatientInvoice>().Where(i => spellings.Contains(i.Number)).Select(i => i.HeldPatientId).Take(500).ToListAsync(cancellationToken);
        var reversedPrefix = TextPrefix.Pattern(db.Database, HeldPatient.Reversed(number.ToUpperInvariant()));
        if (number.All(c => char.IsAsciiDigit(c) || c is 'x' or 'X'))
        {
            return query.Where(p => TextPrefix.Matches(p.IdNumberReversed, reversedPrefix) || invoiceOwners.Contains(p.Id));
        }

        var namePrefix = TextPrefix.Pattern(db.Database, number);
        return query.Where(p => TextPrefix.Matches(p.IdNumberReversed, reversedPrefix) || TextPrefix.Matches(p.PatientName, namePrefix) || invoiceOwners.Contains(p.Id));
    }

    /// <summary>What an invoice number may contain (HeldPatientRules), with at least one digit: letters alone are a name.</summary>
    [GeneratedRegex("^(?=.*[0-9])[A-Za-z0-9-]{1,40}$")]
    private static partial Regex InvoiceLike();


    private static IQueryable<HeldPatient> Sort(IQueryable<HeldPatient> query, HeldPatientFilter filter) => (filter.SortBy, filter.Descending) switch
    {
        (HeldPatientSortColumn.PatientName, false) => query.OrderBy(p => p.PatientNameSortKey).ThenBy(p => p.Id),
        (HeldPatientSortColumn.PatientName, true) => query.OrderByDescending(p => p.PatientNameSortKey).ThenByDescending(p => p.Id),
        (HeldPatientSortColumn.Category, false) => query.OrderByDeclared(p => p.Category, descending: false).ThenBy(p => p.Id),
        (HeldPatientSortColumn.Category, true) => query.OrderByDeclared(p => p.Category, descending: true).ThenByDescending(p => p.Id),
        (HeldPatientSortColumn.Status, false) => query.OrderByDeclared(p => p.Status, descending: false).ThenBy(p => p.Id),
        (HeldPatientSortColumn.Status, true) => query.OrderByDeclared(p => p.Status, descending: true).ThenByDescending(p => p.Id),
        (HeldPatientSortColumn.DeadlineUtc, false) => query.OrderBy(p => p.DeadlineUtc).ThenBy(p => p.Id),
        (HeldPatientSortColumn.DeadlineUtc, true) => query.OrderByDescending(p => p.DeadlineUtc).ThenByDescending(p => p.Id),
        (HeldPatientSortColumn.StartUtc, false) => query.OrderBy(p => p.AdmittedUtc ?? p.VisitUtc).ThenBy(p => p.Id),
        (HeldPatientSortColumn.StartUtc, true) => query.OrderByDescending(p => p.AdmittedUtc ?? p.VisitUtc).ThenByDescending(p => p.Id),
        (_, false) => query.OrderBy(p => p.EnteredUtc).ThenBy(p => p.Id),
        _ => query.OrderByDescending(p => p.EnteredUtc).ThenByDescending(p => p.Id),
    };
}
