using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.Access;

/// <summary>
/// The way services read records and facilities: every set here is already narrowed to what the
/// scope may see, so a query cannot forget to be. Work that must look past a caller's scope (seeding,
/// deadlines after a plan moves, the boards' region totals, a duplicate check across a region) reads
/// the context's sets directly, and the architecture test lists each such place with its reason.
/// </summary>
public sealed class ScopedData(DashboardDbContext db, AccessScope scope)
{
    public AccessScope Scope { get; } = scope ?? throw new ArgumentNullException(nameof(scope));

    public IQueryable<HeldPatient> HeldPatients => db.HeldPatients.VisibleTo(Scope);

    public IQueryable<PaperForm> PaperForms => db.PaperForms.VisibleTo(Scope);

    public IQueryable<Facility> Facilities => db.Facilities.VisibleTo(Scope);

    public IQueryable<T> Records<T>()
        where T : PatientRecord => db.Set<T>().VisibleTo(Scope);
}

public static class ScopedDataExtensions
{
    /// <summary>The records and facilities <paramref name="scope"/> may see, in this context.</summary>
    public static ScopedData For(this DashboardDbContext db, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new ScopedData(db, scope);
    }
}
