using System.Globalization;
using Dashboard.Core.Accounts;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Core.PaperForms;

/// <summary>Registering paper forms and working them to back-entered. Scoped and audited like held patients.</summary>
public sealed class PaperFormService(
    IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, AuditTrail audit, TimeProvider clock, RecordCommands commands)
{
    public const string SerialTaken = "Form_SerialTaken";
    public const string PlaceNotAllowed = "Form_PlaceNotAllowed";
    public const string HeldPatientNotFound = "Form_HeldPatientNotFound";
    public const string NotEditable = "Form_NotEditable";

    /// <summary>Where the caller registers forms: a desk at its facility, a supervisor at its regions' agency windows.</summary>
    public async Task<IReadOnlyList<FormPlace>> PlacesAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Role is not (UserRole.BillingDesk or UserRole.Supervisor))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var places = db.For(scope).Facilities.AsNoTracking().Where(f => f.IsActive);
        if (scope.Role == UserRole.Supervisor)
        {
            places = places.Where(f => f.Kind == FacilityKind.AgencyWindow);
        }

        var rows = await places.OrderBy(f => f.Code).ToListAsync(cancellationToken);
        return rows.Select(f => new FormPlace(f.Id, f.Name, f.Kind, f.RegionId, KindsAt(scope, f.Kind))).ToList();
    }

    /// <summary>
    /// The kinds of form the caller registers at a facility it may see (none: not a place of theirs):
    /// a desk its facility's transfer and filing forms, a supervisor every kind at an agency window.
    /// </summary>
    public static IReadOnlyList<PaperFormKind> KindsAt(AccessScope scope, FacilityKind facility)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Role switch
        {
            UserRole.BillingDesk => [PaperFormKind.TransferReferral, PaperFormKind.RemoteCareFiling],
            UserRole.Supervisor when facility == FacilityKind.AgencyWindow => Enum.GetValues<PaperFormKind>(),
            _ => [],
        };
    }

    /// <summary>Where the caller registers forms and each place's time zone, for checking the form as it is typed.</summary>
    public async Task<PaperFormContext> GetFormContextAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var places = await PlacesAsync(scope, cancellationToken);
        var zones = new Dictionary<int, TimeZoneInfo>();
        foreach (var regionId in places.Select(p => p.RegionId).Distinct())
        {
            zones[regionId] = (await plans.GetPlanAsync(regionId, cancellationToken))?.TimeZone ?? RegionTimeZone.Default;
        }

        return new PaperFormContext(places, zones);
    }

    /// <summary>The form as its entry form edits it (the time as local text), while it may still be edited.</summary>
    public async Task<(PaperFormInput Input, long Version)?> GetForEditAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var context = await GetFormContextAsync(scope, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var form = await db.For(scope).PaperForms.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (form is null)
        {
            if (await db.PaperForms.AnyAsync(f => f.Id == id, cancellationToken))
            {
                await audit.RecordDeniedAsync(scope, nameof(PaperForm), id, "edit", cancellationToken);
            }
            else
            {
                await audit.RecordMissingAsync(scope, nameof(PaperForm), id, "edit", cancellationToken);
            }

            return null;
        }

        if (!form.IsOpen || context.PlaceOf(form.FacilityId) is not { } place)
        {
            return null;
        }

        var input = new PaperFormInput
        {
            FacilityId = form.FacilityId,
            Kind = form.Kind,
            Subkind = form.Subkind,
            SerialNumber = form.SerialNumber,
            FromPlace = form.FromPlace,
            Destination = form.Destination,
            IssuedAt = LocalTimeText.FromUtc(form.IssuedUtc, context.ZoneOf(place)),
            Reason = form.Reason,
            SignedAndStamped = form.SignedAndStamped,
            IssuedBy = form.IssuedBy,
            HeldPatientId = form.HeldPatientId,
        }.WithPatientOf(form);
        return (input, form.Version);
    }

    public async Task<CommandResult<int>> CreateAsync(AccessScope scope, PaperFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = await GetFormContextAsync(scope, cancellationToken);
        var place = context.PlaceOf(input.FacilityId);
        if (place is null || !place.Kinds.Contains(input.Kind))
        {
            await audit.RecordDeniedAsync(scope, nameof(PaperForm), "new", AuditActions.Create, cancellationToken);
            return place is null ? CommandResult.Forbidden() : CommandResult.Invalid(nameof(input.Kind), PlaceNotAllowed);
        }

        var plan = await plans.GetPlanAsync(place.RegionId, cancellationToken);
        var (errors, values) = PaperFormRules.Validate(input, clock.GetUtcNow(), context.ZoneOf(place));
        if (values is null)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        var form = new PaperForm
        {
            SerialNumber = "", PatientName = "", IdNumber = "", IssuedBy = "", EnteredByUserId = "", EnteredByName = "",
            HeldPatientId = input.HeldPatientId,
            Status = PaperFormStatus.Received,
        };
        Apply(values, form);
        return await commands.CreateAsync(scope, new RecordPlace(place.FacilityId, place.RegionId, plan?.CatchUp.EndsUtc?.UtcDateTime), form, async db =>
        {
            if (await SerialClashAsync(db, scope, place.FacilityId, values.SerialNumber, context.ZoneOf(place), cancellationToken) is { } clash)
            {
                return clash;
            }

            return input.HeldPatientId is { } heldId &&
                !await db.For(scope).HeldPatients.AnyAsync(p => p.Id == heldId && p.RegionId == place.RegionId, cancellationToken)
                ? CommandResult.Invalid(nameof(input.HeldPatientId), HeldPatientNotFound)
                : null;
        }, cancellationToken);
    }

    /// <summary>
    /// Corrects a registered form while it is still to be back-entered, where the caller registers
    /// forms. Its place and its link to a held patient stay; the number stays unique at the facility.
    /// </summary>
    public async Task<CommandResult> UpdateAsync(AccessScope scope, int id, long expectedVersion, PaperFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = await GetFormContextAsync(scope, cancellationToken);
        return await commands.ChangeAsync<PaperForm>(scope, id, expectedVersion, AuditActions.Update, form => context.PlaceOf(form.FacilityId) is not null, async (db, form, now) =>
        {
            var place = context.PlaceOf(form.FacilityId)!;
            if (!place.Kinds.Contains(input.Kind))
            {
                return CommandResult.Invalid(nameof(input.Kind), PlaceNotAllowed);
            }

            if (!form.IsOpen)
            {
                return CommandResult.Invalid("", NotEditable);
            }

            var (errors, values) = PaperFormRules.Validate(input, new DateTimeOffset(now, TimeSpan.Zero), context.ZoneOf(place));
            if (values is null)
            {
                return CommandResult.Invalid(errors.ToDictionary());
            }

            if (values.SerialNumber != form.SerialNumber &&
                await SerialClashAsync(db, scope, form.FacilityId, values.SerialNumber, context.ZoneOf(place), cancellationToken) is { } clash)
            {
                return clash;
            }

            Apply(values with { IssuedUtc = LocalTimeText.KeepUnchanged(values.IssuedUtc, form.IssuedUtc)!.Value }, form);
            form.UpdatedUtc = now;
            return null;
        }, cancellationToken);
    }

    /// <summary>Desks, managers and administrators; and supervisors, who register the agency windows' intake forms.</summary>
    public Task<CommandResult> ChangeStatusAsync(AccessScope scope, int id, long expectedVersion, StatusChange<PaperFormStatus> change, CancellationToken cancellationToken = default) =>
        commands.ChangeStatusAsync<PaperForm, PaperFormStatus>(scope, id, expectedVersion,
            _ => scope.MayChangeRecordStatus || scope.Role == UserRole.Supervisor, change, cancellationToken);

    /// <summary>A clear message naming the form that already has this number at the facility.</summary>
    private static async Task<CommandResult?> SerialClashAsync(
        DashboardDbContext db, AccessScope scope, int facilityId, string serial, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var existing = await db.For(scope).PaperForms.AsNoTracking()
            .Where(f => f.FacilityId == facilityId && f.SerialNumber == serial)
            .Select(f => new { f.Id, f.PatientName, f.EnteredUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return existing is null
            ? null
            : CommandResult.Invalid(nameof(PaperFormInput.SerialNumber), SerialTakenMessage(serial, existing.PatientName, existing.EnteredUtc, existing.Id, zone));
    }

    /// <summary>The form number is taken: by which form (its patient, when it was entered, its id).</summary>
    internal static Message SerialTakenMessage(string serial, string patientName, DateTime enteredUtc, int id, TimeZoneInfo zone) =>
        new(SerialTaken, serial, patientName, LocalTimeText.FromUtc(enteredUtc, zone) ?? "", id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The form's fields from valid values, with the name's sort key.</summary>
    internal static void Apply(PaperFormValues values, PaperForm form)
    {
        form.Kind = values.Kind;
        form.Subkind = values.Subkind;
        form.SerialNumber = values.SerialNumber;
        form.SetPatient(values.PatientName, values.IdDocumentType, values.IdNumber);
        form.FromPlace = values.FromPlace;
        form.Destination = values.Destination;
        form.IssuedUtc = values.IssuedUtc;
        form.Reason = values.Reason;
        form.SignedAndStamped = values.SignedAndStamped;
        form.IssuedBy = values.IssuedBy;
    }
}
