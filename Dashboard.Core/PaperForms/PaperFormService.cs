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

    public async Task<CommandResult<int>> CreateAsync(AccessScope scope, PaperFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var place = (await PlacesAsync(scope, cancellationToken)).FirstOrDefault(p => p.FacilityId == input.FacilityId);
        if (place is null || !place.Kinds.Contains(input.Kind))
        {
            await audit.RecordDeniedAsync(scope, EntityType, "new", "create", cancellationToken);
            return place is null ? CommandResult.Forbidden() : CommandResult.Invalid(nameof(input.Kind), PlaceNotAllowed);
        }

        var plan = await plans.GetPlanAsync(place.RegionId, cancellationToken);
        var now = clock.GetUtcNow();
        var (errors, values) = PaperFormRules.Validate(input, now, plan?.TimeZone ?? TimeZoneInfo.Utc);
        if (values is null)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await SerialClashAsync(db, place.FacilityId, values.SerialNumber, cancellationToken) is { } clash)
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
            Kind = values.Kind,
            Subkind = values.Subkind,
            SerialNumber = values.SerialNumber,
            PatientName = values.PatientName,
            IdDocumentType = values.IdDocumentType,
            IdNumber = values.IdNumber,
            FromPlace = values.FromPlace,
            Destination = values.Destination,
            IssuedUtc = values.IssuedUtc,
            Reason = values.Reason,
            SignedAndStamped = values.SignedAndStamped,
            IssuedBy = values.IssuedBy,
            HeldPatientId = input.HeldPatientId,
            Status = PaperFormStatus.Received,
            DeadlineUtc = plan?.CatchUp.EndsUtc?.UtcDateTime,
            EnteredByUserId = scope.UserId,
            EnteredByName = scope.UserName,
            EnteredUtc = now.UtcDateTime,
            UpdatedUtc = now.UtcDateTime,
        };
        form.SetPatientName(values.PatientName);
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
            return await SerialClashAsync(fresh, place.FacilityId, values.SerialNumber, cancellationToken) ?? throw new InvalidOperationException("Saving the form failed.");
        }
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
    private static async Task<CommandResult?> SerialClashAsync(DashboardDbContext db, int facilityId, string serial, CancellationToken cancellationToken)
    {
        var existing = await db.PaperForms.AsNoTracking()
            .Where(f => f.FacilityId == facilityId && f.SerialNumber == serial)
            .Select(f => new { f.Id, f.PatientName, f.EnteredUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return existing is null
            ? null
            : CommandResult.Invalid(nameof(PaperFormInput.SerialNumber),
                $"{SerialTaken}::{serial}::{existing.PatientName}::{LocalTimeText.FromUtc(existing.EnteredUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))}::{existing.Id}");
    }

    private static object Snapshot(PaperForm f) => new
    {
        f.FacilityId, f.Kind, f.Subkind, f.SerialNumber, f.PatientName, f.IdDocumentType, IdNumber = PersonalDataMask.IdNumber(f.IdNumber),
        f.FromPlace, f.Destination, f.IssuedUtc, f.Reason, f.SignedAndStamped, f.IssuedBy, f.HeldPatientId, f.Status, f.FilingNumber, f.StatusReason,
    };
}
