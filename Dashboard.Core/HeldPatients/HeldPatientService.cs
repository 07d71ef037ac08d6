using Dashboard.Core.Privacy;

namespace Dashboard.Core.HeldPatients;

/// <summary>Logging held patients and working them to closed. Every command is scoped and audited.</summary>
public sealed class HeldPatientService(
    IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, AuditTrail audit, TimeProvider clock, RecordCommands commands)
{
    public const string NotEditable = "Held_NotEditable";

    /// <summary>The desk's facility and its region's plan; null for anyone who does not enter records.</summary>
    public async Task<HeldPatientFormContext?> GetFormContextAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.MayEnterRecords || scope.FacilityId is not { } facilityId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var facility = await db.For(scope).Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId && f.IsActive, cancellationToken);
        var plan = facility is null ? null : await plans.GetPlanAsync(facility.RegionId, cancellationToken);
        return facility is null || plan is null ? null : new HeldPatientFormContext(facility.Id, facility.Name, facility.RegionId, plan);
    }

    public async Task<CommandResult<int>> CreateAsync(AccessScope scope, HeldPatientInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await GetFormContextAsync(scope, cancellationToken) is not { } context)
        {
            await audit.RecordDeniedAsync(scope, nameof(HeldPatient), "new", AuditActions.Create, cancellationToken);
            return CommandResult.Forbidden();
        }

        var now = clock.GetUtcNow();
        var (errors, values) = HeldPatientRules.Validate(input, context.RulesAt(now));
        if (values is null)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        var record = new HeldPatient { PatientName = "", IdNumber = "", EnteredByUserId = "", EnteredByName = "", Status = HeldPatientStatus.Logged };
        Apply(values, record, now.UtcDateTime);
        var place = new RecordPlace(context.FacilityId, context.RegionId, context.Plan.CatchUp.EndsUtc?.UtcDateTime);
        return await commands.CreateAsync(scope, place, record, cancellationToken: cancellationToken);
    }

    /// <summary>Corrects a record's fields while it is open, by its desk or an administrator.</summary>
    public Task<CommandResult> UpdateAsync(AccessScope scope, int id, long expectedVersion, HeldPatientInput input, CancellationToken cancellationToken = default) =>
        commands.ChangeAsync<HeldPatient>(scope, id, expectedVersion, AuditActions.Update, _ => scope.MayEditRecords, async (_, record, now) =>
        {
            if (!record.IsOpen)
            {
                return CommandResult.Invalid("", NotEditable);
            }

            var plan = await plans.GetPlanAsync(record.RegionId, cancellationToken);
            var rules = new HeldPatientRuleContext(plan?.OutageStartsUtc, plan?.GoLiveUtc, plan?.TimeZone ?? RegionTimeZone.Default, new DateTimeOffset(now, TimeSpan.Zero));
            var (errors, values) = HeldPatientRules.Validate(input, rules);
            if (values is null)
            {
                return CommandResult.Invalid(errors.ToDictionary());
            }

            var times = values.Times;
            Apply(values with
            {
                Times = new CareTimes(
                    LocalTimeText.KeepUnchanged(times.AdmittedUtc, record.AdmittedUtc),
                    LocalTimeText.KeepUnchanged(times.DischargedUtc, record.DischargedUtc),
                    LocalTimeText.KeepUnchanged(times.VisitUtc, record.VisitUtc)),
            }, record, now);
            return null;
        }, cancellationToken);

    public Task<CommandResult> ChangeStatusAsync(AccessScope scope, int id, long expectedVersion, StatusChange<HeldPatientStatus> change, CancellationToken cancellationToken = default) =>
        commands.ChangeStatusAsync<HeldPatient, HeldPatientStatus>(scope, id, expectedVersion, _ => scope.MayChangeRecordStatus, change, cancellationToken);

    /// <summary>The full ID number and phone, for roles that need them; every reveal is audited.</summary>
    public async Task<RevealedPersonalData?> RevealAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.For(scope).HeldPatients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record is null || !scope.MayRevealPersonalData)
        {
            await audit.RecordDeniedAsync(scope, nameof(HeldPatient), id, "reveal", cancellationToken);
            return null;
        }

        await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.RevealPersonalData,
            nameof(HeldPatient), id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return new RevealedPersonalData(record.IdNumber, record.Phone);
    }

    /// <summary>
    /// Records in the region with the same ID number and an overlapping stay. It looks across the
    /// region on purpose (a patient moves between facilities); callers may open only what their scope
    /// allows, but a match elsewhere still tells them where that patient is logged, since when and in
    /// what status, so each such match is audited: what was shown, to whom (the ID number masked).
    /// </summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(AccessScope scope, int regionId, HeldPatientValues values, int? excludeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Times.Stay is null || !scope.CanSeeRegion(regionId))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.HeldPatients.AsNoTracking()
            .Where(p => p.RegionId == regionId && p.IdNumber == values.IdNumber && p.Id != excludeId && p.Status != HeldPatientStatus.Voided)
            .Select(p => new { p.Id, p.FacilityId, p.RegionId, FacilityName = p.Facility!.Name, p.EnteredUtc, p.Status, p.AdmittedUtc, p.DischargedUtc, p.VisitUtc })
            .ToListAsync(cancellationToken);
        var matches = candidates
            .Where(c => values.Times.Overlaps(new CareTimes(c.AdmittedUtc, c.DischargedUtc, c.VisitUtc)))
            .Select(c => new DuplicateMatch(c.Id, c.FacilityName, c.EnteredUtc, c.Status, scope.CanSeeFacility(c.FacilityId, c.RegionId)))
            .ToList();
        var revealed = matches.Where(m => !m.CallerMaySee).ToList();
        if (revealed.Count > 0)
        {
            foreach (var match in revealed)
            {
                audit.Add(db, scope, AuditActions.DuplicateRevealed, nameof(HeldPatient), match.Id, after: new
                {
                    IdNumber = PersonalDataMask.IdNumber(values.IdNumber),
                    match.FacilityName,
                    match.EnteredUtc,
                    match.Status,
                    EditingId = excludeId,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return matches;
    }

    /// <summary>The record's fields from valid values, with what follows from them (the name's sort key, the reversed ID).</summary>
    internal static void Apply(HeldPatientValues values, HeldPatient record, DateTime nowUtc)
    {
        record.Category = values.Category;
        record.SetPatient(values.PatientName, values.IdDocumentType, values.IdNumber);
        record.InsuranceType = values.InsuranceType;
        record.Phone = values.Phone;
        record.Times = values.Times;
        record.Department = values.Department;
        record.AmountAdvanced = values.AmountAdvanced;
        record.SetInvoices(values.InvoiceNumbers);
        record.Notes = values.Notes;
        record.UpdatedUtc = nowUtc;
    }
}
