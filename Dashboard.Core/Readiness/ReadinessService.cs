using Dashboard.Core.Accounts;
using Dashboard.Core.Board;
using Dashboard.Core.Live;

namespace Dashboard.Core.Readiness;

public sealed record ReadinessInput(ReadinessStage Stage, bool InFlightCleared, bool StaffBriefed, bool FormsStocked, bool FirstSettlementSucceeded, string? Note);

/// <summary>Facilities confirm their readiness checklists; the board shows who has not reported.</summary>
public sealed class ReadinessService(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, TimeProvider clock, RegionActivity activity)
{
    /// <summary>A desk reports for its own facility (an administrator for any).</summary>
    public async Task<CommandResult> CheckInAsync(AccessScope scope, int facilityId, ReadinessInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var facility = await db.For(scope).Facilities.FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken);
        if (facility is null || scope.Role is not (UserRole.BillingDesk or UserRole.Admin))
        {
            await audit.RecordDeniedAsync(scope, nameof(ReadinessCheckIn), facilityId, "check in", cancellationToken);
            return facility is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        if (input.Note?.Trim().Length > 500)
        {
            return CommandResult.Invalid(nameof(input.Note), Validation.ValidationErrors.TooLongMessage(500, input.Note.Trim().Length));
        }

        var checkIn = new ReadinessCheckIn
        {
            FacilityId = facility.Id,
            RegionId = facility.RegionId,
            Stage = input.Stage,
            InFlightCleared = input.InFlightCleared,
            StaffBriefed = input.StaffBriefed,
            FormsStocked = input.FormsStocked,
            FirstSettlementSucceeded = input.FirstSettlementSucceeded,
            Note = InputText.LinesOrNull(input.Note),
            ByUserId = scope.UserId,
            ByName = scope.UserName,
            AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await AuditedChange.InsertAsync(db, audit, scope, checkIn, nameof(ReadinessCheckIn), c => c.Id,
            c => new { c.FacilityId, c.Stage, c.InFlightCleared, c.StaffBriefed, c.FormsStocked, c.FirstSettlementSucceeded, c.Note }, cancellationToken);
        activity.Publish(facility.RegionId);
        return CommandResult.Ok();
    }

    public async Task<ReadinessCheckIn?> LatestAsync(AccessScope scope, int facilityId, ReadinessStage stage, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.For(scope).Facilities.Select(f => f.Id);
        return await db.ReadinessCheckIns.AsNoTracking()
            .Where(c => c.FacilityId == facilityId && c.Stage == stage && visible.Contains(c.FacilityId))
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
