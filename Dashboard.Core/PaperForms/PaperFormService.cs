using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.PaperForms;

/// <summary>Registering paper forms and working them to back-entered. Scoped and audited like held patients.</summary>
public sealed class PaperFormService(
    IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, AuditTrail audit, TimeProvider clock, Board.RegionActivity activity)
{
    public const string SerialTaken = "Form_SerialTaken";
    public const string PlaceNotAllowed = "Form_PlaceNotAllowed";
    public const string HeldPatientNotFound = "Form_HeldPatientNotFound";
    public const string NotEditable = "Form_NotEditable";
    private const string EntityType = nameof(PaperForm);

    /// <summary>Where the caller registers forms: a desk at its facility, a supervisor at its regions' agency windows.</summary>
    public async Task<IReadOnlyList<FormPlace>> PlacesAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        IReadOnlyList<PaperFormKind> kinds = scope.Role == UserRole.BillingDesk
            ? [PaperFormKind.TransferReferral, PaperFormKind.RemoteCareFiling]
            : Enum.GetValues<PaperFormKind>();
        if (scope.Role is not (UserRole.BillingDesk or UserRole.Supervisor))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var places = db.Facilities.AsNoTracking().VisibleTo(scope).Where(f => f.IsActive);
        if (scope.Role == UserRole.Supervisor)
        {
            places = places.Where(f => f.Kind == FacilityKind.AgencyWindow);
        }

        var rows = await places.OrderBy(f => f.Code).ToListAsync(cancellationToken);
        return rows.Select(f => new FormPlace(f.Id, f.Name, f.Kind, f.RegionId, kinds)).ToList();
    }

    /// <summary>Where the caller registers forms and each place's time zone, for checking the form as it is typed.</summary>
    public async Task<PaperFormContext> GetFormContextAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var places = await PlacesAsync(scope, cancellationToken);
        var zones = new Dictionary<int, TimeZoneInfo>();
        foreach (var regionId in places.Select(p => p.RegionId).Distinct())
        {
            zones[regionId] = (await plans.GetPlanAsync(regionId, cancellationToken))?.TimeZone ?? TimeZoneInfo.Utc;
        }

        return new PaperFormContext(places, zones);
    }

    /// <summary>The form as its entry form edits it (the time as local text), while it may still be edited.</summary>
    public async Task<(PaperFormInput Input, long Version)?> GetForEditAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var context = await GetFormContextAsync(scope, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var form = await db.PaperForms.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (form is null || !form.Status.IsOpen() || context.PlaceOf(form.FacilityId) is not { } place)
        {
            return null;
        }

        var input = new PaperFormInput
        {
            FacilityId = form.FacilityId,
            Kind = form.Kind,
            Subkind = form.Subkind,
            SerialNumber = form.SerialNumber,
            PatientName = form.PatientName,
            IdDocumentType = form.IdDocumentType,
            IdNumber = form.IdNumber,
            FromPlace = form.FromPlace,
            Destination = form.Destination,
            IssuedAt = LocalTimeText.FromUtc(form.IssuedUtc, context.ZoneOf(place)),
            Reason = form.Reason,
            SignedAndStamped = form.SignedAndStamped,
            IssuedBy = form.IssuedBy,
            HeldPatientId = form.HeldPatientId,
        };
        return (input, form.Version);
    }

    public async Task<CommandResult<int>> CreateAsync(AccessScope scope, PaperFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = await GetFormContextAsync(scope, cancellationToken);
        var place = context.PlaceOf(input.FacilityId);
        if (place is null || !place.Kinds.Contains(input.Kind))
        {
            await audit.RecordDeniedAsync(scope, EntityType, "new", "create", cancellationToken);
            return place is null ? CommandResult.Forbidden() : CommandResult.Invalid(nameof(input.Kind), PlaceNotAllowed);
        }

        var plan = await plans.GetPlanAsync(place.RegionId, cancellationToken);
        var now = clock.GetUtcNow();
        var (errors, values) = PaperFormRules.Validate(input, now, context.ZoneOf(place));
        if (values is null)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await SerialClashAsync(db, place.FacilityId, values.SerialNumber, context.ZoneOf(place), cancellationToken) is { } clash)
        {
            return clash;
        }

        if (input.HeldPatientId is { } heldId &&
            !await db.HeldPatients.VisibleTo(scope).AnyAsync(p => p.Id == heldId && p.RegionId == place.RegionId, cancellationToken))
        {
            return CommandResult.Invalid(nameof(input.HeldPatientId), HeldPatientNotFound);
        }

        var form = new PaperForm
        {
            FacilityId = place.FacilityId,
            RegionId = place.RegionId,
            SerialNumber = "",
            PatientName = "",
            IdNumber = "",
            IssuedBy = "",
            HeldPatientId = input.HeldPatientId,
            Status = PaperFormStatus.Received,
            DeadlineUtc = plan?.CatchUp.EndsUtc?.UtcDateTime,
            EnteredByUserId = scope.UserId,
            EnteredByName = scope.UserName,
            EnteredUtc = now.UtcDateTime,
            UpdatedUtc = now.UtcDateTime,
        };
        Apply(values, form);
        try
        {
            var id = await AuditedChange.InsertAsync(db, audit, scope, form, EntityType, f => f.Id, Snapshot, cancellationToken);
            activity.Publish(form.RegionId);
            return new CommandResult<int>(CommandResult.Ok(), id);
        }
        catch (DbUpdateException)
        {
            // Two desks typed the same number at the same moment: the database's unique index decided.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await SerialClashAsync(fresh, place.FacilityId, values.SerialNumber, context.ZoneOf(place), cancellationToken) ?? throw new InvalidOperationException("Saving the form failed.");
        }
    }

    /// <summary>
    /// Corrects a registered form while it is still to be back-entered. Its place and its link to a
    /// held patient stay; the number stays unique at the facility.
    /// </summary>
    public async Task<CommandResult> UpdateAsync(AccessScope scope, int id, long expectedVersion, PaperFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var context = await GetFormContextAsync(scope, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var form = await db.PaperForms.VisibleTo(scope).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        var place = form is null ? null : context.PlaceOf(form.FacilityId);
        if (form is null || place is null || !place.Kinds.Contains(input.Kind))
        {
            await audit.RecordDeniedAsync(scope, EntityType, id, AuditActions.Update, cancellationToken);
            return form is null ? CommandResult.NotFound() : place is null ? CommandResult.Forbidden() : CommandResult.Invalid(nameof(input.Kind), PlaceNotAllowed);
        }

        if (!form.Status.IsOpen())
        {
            return CommandResult.Invalid("", NotEditable);
        }

        var now = clock.GetUtcNow();
        var (errors, values) = PaperFormRules.Validate(input, now, context.ZoneOf(place));
        if (values is null)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        if (values.SerialNumber != form.SerialNumber &&
            await SerialClashAsync(db, form.FacilityId, values.SerialNumber, context.ZoneOf(place), cancellationToken) is { } clash)
        {
            return clash;
        }

        var result = await AuditedChange.SaveAsync(db, audit, scope, form, expectedVersion, AuditActions.Update, EntityType, id, Snapshot, f =>
        {
            Apply(values, f);
            f.UpdatedUtc = now.UtcDateTime;
            return Task.FromResult<CommandResult?>(null);
        }, cancellationToken);
        if (result.Succeeded)
        {
            activity.Publish(form.RegionId);
        }

        return result;
    }

    public async Task<CommandResult> ChangeStatusAsync(AccessScope scope, int id, long expectedVersion, FormStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var form = await db.PaperForms.VisibleTo(scope).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (form is null || !(scope.MayChangeRecordStatus || scope.Role == UserRole.Supervisor))
        {
            await audit.RecordDeniedAsync(scope, EntityType, id, AuditActions.StatusChange, cancellationToken);
            return form is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        var result = await AuditedChange.SaveAsync(db, audit, scope, form, expectedVersion, AuditActions.StatusChange, EntityType, id, Snapshot, f =>
        {
            if (PaperFormStatusRules.Check(f.Status, change) is { } rejected)
            {
                return Task.FromResult<CommandResult?>(CommandResult.Invalid(rejected.Field, rejected.Key));
            }

            f.Status = change.Target;
            f.FilingNumber = change.Target == PaperFormStatus.BackEntered ? change.FilingNumber!.Trim() : f.FilingNumber;
            f.StatusReason = change.Target is PaperFormStatus.Rejected or PaperFormStatus.Voided ? change.Reason!.Trim() : f.StatusReason;
            f.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            f.ResolvedUtc ??= f.UpdatedUtc;
            return Task.FromResult<CommandResult?>(null);
        }, cancellationToken);
        if (result.Succeeded)
        {
            activity.Publish(form.RegionId);
        }

        return result;
    }

    /// <summary>A clear message naming the form that already has this number at the facility.</summary>
    private static async Task<CommandResult?> SerialClashAsync(DashboardDbContext db, int facilityId, string serial, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var existing = await db.PaperForms.AsNoTracking()
            .Where(f => f.FacilityId == facilityId && f.SerialNumber == serial)
            .Select(f => new { f.Id, f.PatientName, f.EnteredUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return existing is null
            ? null
            : CommandResult.Invalid(nameof(PaperFormInput.SerialNumber),
                $"{SerialTaken}::{serial}::{existing.PatientName}::{LocalTimeText.FromUtc(existing.EnteredUtc, zone)}::{existing.Id}");
    }

    private static void Apply(PaperFormValues values, PaperForm form)
    {
        form.Kind = values.Kind;
        form.Subkind = values.Subkind;
        form.SerialNumber = values.SerialNumber;
        form.SetPatientName(values.PatientName);
        form.IdDocumentType = values.IdDocumentType;
        form.IdNumber = values.IdNumber;
        form.FromPlace = values.FromPlace;
        form.Destination = values.Destination;
        form.IssuedUtc = values.IssuedUtc;
        form.Reason = values.Reason;
        form.SignedAndStamped = values.SignedAndStamped;
        form.IssuedBy = values.IssuedBy;
    }

    private static object Snapshot(PaperForm f) => new
    {
        f.FacilityId, f.Kind, f.Subkind, f.SerialNumber, f.PatientName, f.IdDocumentType, IdNumber = PersonalDataMask.IdNumber(f.IdNumber),
        f.FromPlace, f.Destination, f.IssuedUtc, f.Reason, f.SignedAndStamped, f.IssuedBy, f.HeldPatientId, f.Status, f.FilingNumber, f.StatusReason,
    };
}
