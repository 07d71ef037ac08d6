using Dashboard.Core.Records.Intake;

namespace Dashboard.Core.PaperForms;

/// <summary>
/// Paper forms in the bulk intake: the kinds the caller registers at the place (as the form offers
/// them; administrators, who import, any kind anywhere they see), the form's rules in the region's
/// time zone, a form number unique at its facility (refused naming the form that has it, as the
/// form does) and a link only to a held patient of the same region the caller sees.
/// </summary>
internal sealed class PaperFormIntake : IntakeKind<PaperForm, PaperFormInput>
{
    public static PaperFormIntake Instance { get; } = new();

    public override int FacilityOf(PaperFormInput row) => row?.FacilityId ?? 0;

    public override (string Field, Message Message)? RefusedAt(AccessScope scope, Facility facility, PaperFormInput row)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(facility);
        ArgumentNullException.ThrowIfNull(row);
        var kinds = scope.IsAdmin ? Enum.GetValues<PaperFormKind>() : PaperFormService.KindsAt(scope, facility.Kind);
        return kinds.Count == 0
            ? (nameof(PaperFormInput.FacilityId), new Message(BulkIntake.FacilityNotAllowed, facility.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : kinds.Contains(row.Kind) ? null : (nameof(PaperFormInput.Kind), PaperFormService.PlaceNotAllowed);
    }

    public override (IReadOnlyDictionary<string, Message[]> Errors, PaperForm? Record) Build(PaperFormInput row, RegionPlan? plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (errors, values) = PaperFormRules.Validate(row, now, plan?.TimeZone ?? RegionTimeZone.Default);
        if (values is null)
        {
            return (errors.ToDictionary(), null);
        }

        var form = new PaperForm
        {
            SerialNumber = "", PatientName = "", IdNumber = "", IssuedBy = "", EnteredByUserId = "", EnteredByName = "",
            HeldPatientId = row.HeldPatientId,
            Status = PaperFormStatus.Received,
        };
        PaperFormService.Apply(values, form);
        return (errors.ToDictionary(), form);
    }

    /// <summary>The forms already holding one of the batch's numbers at its facilities, and the linked held patients, in two queries.</summary>
    public override async Task<IntakeChecks<PaperForm>> LoadChecksAsync(
        DashboardDbContext db, IntakeBatch batch, IReadOnlyList<PaperForm> records, CancellationToken cancellationToken)
    {
        var facilityIds = records.Select(r => r.FacilityId).Distinct().ToList();
        var serials = records.Select(r => r.SerialNumber).Distinct().ToList();
        var taken = await db.For(batch.Scope).PaperForms.AsNoTracking()
            .Where(f => facilityIds.Contains(f.FacilityId) && EF.Parameter(serials).Contains(f.SerialNumber))
            .Select(f => new Taken(f.Id, f.FacilityId, f.SerialNumber, f.PatientName, f.EnteredUtc))
            .ToListAsync(cancellationToken);
        var heldIds = records.Where(r => r.HeldPatientId is not null).Select(r => r.HeldPatientId!.Value).Distinct().ToList();
        var links = heldIds.Count == 0
            ? []
            : await db.For(batch.Scope).HeldPatients.AsNoTracking().Where(p => EF.Parameter(heldIds).Contains(p.Id))
                .Select(p => new { p.Id, p.RegionId }).ToDictionaryAsync(p => p.Id, p => p.RegionId, cancellationToken);
        return new Checks(batch, taken, links);
    }

    private sealed record Taken(int Id, int FacilityId, string SerialNumber, string PatientName, DateTime EnteredUtc);

    private sealed class Checks(IntakeBatch batch, IEnumerable<Taken> taken, Dictionary<int, int> heldPatientRegions) : IntakeChecks<PaperForm>
    {
        private readonly Dictionary<(int FacilityId, string Serial), Taken> _taken = taken.ToDictionary(t => (t.FacilityId, t.SerialNumber));

        public override (string Field, Message Message)? Check(PaperForm record)
        {
            if (_taken.TryGetValue((record.FacilityId, record.SerialNumber), out var form))
            {
                var zone = batch.Zones.GetValueOrDefault(record.RegionId) ?? RegionTimeZone.Default;
                return (nameof(PaperFormInput.SerialNumber), PaperFormService.SerialTakenMessage(form.SerialNumber, form.PatientName, form.EnteredUtc, form.Id, zone));
            }

            return record.HeldPatientId is { } heldId && heldPatientRegions.GetValueOrDefault(heldId) != record.RegionId
                ? (nameof(PaperFormInput.HeldPatientId), PaperFormService.HeldPatientNotFound)
                : null;
        }

        public override void Written(PaperForm record) =>
            _taken[(record.FacilityId, record.SerialNumber)] = new Taken(record.Id, record.FacilityId, record.SerialNumber, record.PatientName, record.EnteredUtc);
    }
}
