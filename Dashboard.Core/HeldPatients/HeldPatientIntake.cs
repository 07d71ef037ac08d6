using Dashboard.Core.Privacy;
using Dashboard.Core.Records.Intake;

namespace Dashboard.Core.HeldPatients;

/// <summary>A held patient to take in bulk: the facility it is logged at and what a desk would type.</summary>
public sealed record HeldPatientIntakeRow(int FacilityId, HeldPatientInput Input);

/// <summary>
/// Held patients in the bulk intake: desks at their facility (and administrators, who import),
/// the form's rules against the region's plan, and the form's duplicate rule (same ID number in the
/// region with an overlapping stay, not voided) as a refusal, since no one is there to confirm it.
/// </summary>
internal sealed class HeldPatientIntake : IntakeKind<HeldPatient, HeldPatientIntakeRow>
{
    /// <summary>The region of the row's facility has no plan, so its times and deadline cannot be checked (the form is not offered there).</summary>
    public const string NoPlan = "Intake_NoPlan";

    /// <summary>The same person with an overlapping stay is already logged in the region: which record, where, when.</summary>
    public const string Duplicate = "Intake_HeldDuplicate";

    public static HeldPatientIntake Instance { get; } = new();

    public override int FacilityOf(HeldPatientIntakeRow row) => row?.FacilityId ?? 0;

    public override (string Field, Message Message)? RefusedAt(AccessScope scope, Facility facility, HeldPatientIntakeRow row) =>
        scope.MayEnterRecords || scope.IsAdmin
            ? null
            : (nameof(HeldPatientIntakeRow.FacilityId), new Message(BulkIntake.FacilityNotAllowed, facility.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public override (IReadOnlyDictionary<string, Message[]> Errors, HeldPatient? Record) Build(HeldPatientIntakeRow row, RegionPlan? plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (plan is null)
        {
            return (new Dictionary<string, Message[]> { [nameof(row.FacilityId)] = [NoPlan] }, null);
        }

        var (errors, values) = HeldPatientRules.Validate(row.Input, HeldPatientRuleContext.Of(plan, now));
        if (values is null)
        {
            return (errors.ToDictionary(), null);
        }

        var record = new HeldPatient { PatientName = "", IdNumber = "", EnteredByUserId = "", EnteredByName = "", Status = HeldPatientStatus.Logged };
        HeldPatientService.Apply(values, record, now.UtcDateTime);
        return (errors.ToDictionary(), record);
    }

    /// <summary>
    /// Every open record in the batch's regions with one of the batch's ID numbers, in one query. It
    /// looks across the region, as the form's check does (a patient moves between facilities).
    /// </summary>
    public override async Task<IntakeChecks<HeldPatient>> LoadChecksAsync(
        DashboardDbContext db, IntakeBatch batch, IReadOnlyList<HeldPatient> records, CancellationToken cancellationToken)
    {
        var regionIds = records.Select(r => r.RegionId).Distinct().ToList();
        var idNumbers = records.Select(r => r.IdNumber).Distinct().ToList();

        // One JSON parameter for the batch's numbers: thousands of separate parameters cost more to bind than the query takes.
        var existing = await db.HeldPatients.AsNoTracking()
            .Where(p => regionIds.Contains(p.RegionId) && EF.Parameter(idNumbers).Contains(p.IdNumber) && p.Status != HeldPatientStatus.Voided)
            .Select(p => new Stay(p.Id, p.FacilityId, p.RegionId, p.IdNumber, p.Facility!.Name, p.EnteredUtc, p.Status, new CareTimes(p.AdmittedUtc, p.DischargedUtc, p.VisitUtc)))
            .ToListAsync(cancellationToken);
        return new Checks(batch, existing);
    }

    private sealed record Stay(int Id, int FacilityId, int RegionId, string IdNumber, string FacilityName, DateTime EnteredUtc, HeldPatientStatus Status, CareTimes Times);

    private sealed class Checks(IntakeBatch batch, IEnumerable<Stay> existing) : IntakeChecks<HeldPatient>
    {
        private readonly Dictionary<(int RegionId, string IdNumber), List<Stay>> _stays = existing
            .GroupBy(s => (s.RegionId, s.IdNumber)).ToDictionary(g => g.Key, g => g.ToList());

        public override (string Field, Message Message)? Check(HeldPatient record)
        {
            if (!_stays.TryGetValue((record.RegionId, record.IdNumber), out var candidates) ||
                candidates.FirstOrDefault(c => c.Times.Overlaps(record.Times)) is not { } match)
            {
                return null;
            }

            if (!batch.Scope.CanSeeFacility(match.FacilityId, match.RegionId))
            {
                Revealed.Add((match.Id, new { IdNumber = PersonalDataMask.IdNumber(record.IdNumber), match.FacilityName, match.EnteredUtc, match.Status, Bulk = true }));
            }

            var zone = batch.Zones.GetValueOrDefault(record.RegionId) ?? RegionTimeZone.Default;
            return (nameof(HeldPatientInput.IdNumber), new Message(Duplicate,
                match.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), match.FacilityName, LocalTimeText.FromUtc(match.EnteredUtc, zone) ?? ""));
        }

        public override void Written(HeldPatient record)
        {
            var key = (record.RegionId, record.IdNumber);
            if (!_stays.TryGetValue(key, out var list))
            {
                _stays[key] = list = [];
            }

            list.Add(new Stay(record.Id, record.FacilityId, record.RegionId, record.IdNumber, batch.Facilities[record.FacilityId].Name, record.EnteredUtc, record.Status, record.Times));
        }
    }
}
