using Dashboard.Core.Accounts;
using Dashboard.Core.Board;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;

namespace Dashboard.Core.Plans;

/// <summary>
/// Supervisors (for their regions) and administrators record what happened to milestones and change
/// plans. Moving a milestone recomputes everything derived from it: phases are derived anyway, and
/// the deadlines of the region's held patients and paper forms are rewritten.
/// </summary>
public sealed class PlanEditingService(
    IDbContextFactory<DashboardDbContext> dbFactory, HeldPatientDeadlines deadlines, AuditTrail audit, TimeProvider clock, RegionActivity activity)
{
    public const string TimeFormat = MilestoneInputRules.TimeFormat;
    public const string ReasonRequired = "Status_ReasonRequired";
    private const string EntityType = nameof(Milestone);

    public Task<CommandResult> MarkAsync(AccessScope scope, int milestoneId, long version, MilestoneStatus status, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, milestoneId, version, AuditActions.StatusChange, (m, _) =>
        {
            if (status is MilestoneStatus.AtRisk or MilestoneStatus.Missed && string.IsNullOrWhiteSpace(note))
            {
                return CommandResult.Invalid("Reason", ReasonRequired);
            }

            m.Status = status;
            m.StatusNote = InputText.LinesOrNull(note);
            m.ActualUtc = status == MilestoneStatus.Done ? clock.GetUtcNow().UtcDateTime : null;
            return null;
        }, recompute: false, cancellationToken);

    /// <summary>Moves a milestone to a new local time, with the reason; optionally confirms an estimate.</summary>
    public Task<CommandResult> MoveAsync(AccessScope scope, int milestoneId, long version, string newLocalTime, string reason, bool confirmed, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, milestoneId, version, AuditActions.MilestoneMove, (m, zone) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return CommandResult.Invalid("Reason", ReasonRequired);
            }

            if (!TryParse(newLocalTime, zone, out var parsed))
            {
                return CommandResult.Invalid("LocalTime", TimeFormat);
            }

            // A window moves as a whole: its end keeps its written form and moves by the same days.
            var days = PlanTemplateShift.DaysFrom(m, newLocalTime, zone);
            (m.DueUtc, m.Precision, m.WrittenAsEndOfDay) = parsed;
            PlanTemplateShift.ShiftEnd(m, days, zone);
            m.IsEstimated = !confirmed && m.IsEstimated;
            m.StatusNote = InputText.Lines(reason);
            return null;
        }, recompute: true, cancellationToken, checkOrder: true);

    public Task<CommandResult> ConfirmAsync(AccessScope scope, int milestoneId, long version, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, milestoneId, version, AuditActions.Update, (m, _) =>
        {
            m.IsEstimated = false;
            return null;
        }, recompute: false, cancellationToken);

    /// <summary>Corrects a milestone's kind, time, titles, owner and note.</summary>
    public Task<CommandResult> UpdateAsync(AccessScope scope, int milestoneId, long version, MilestoneInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, milestoneId, version, AuditActions.Update, (m, zone) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = new ValidationErrors();
            if (MilestoneInputRules.Validate(input, zone, errors) is not { } times)
            {
                return CommandResult.Invalid(errors.ToDictionary());
            }

            MilestoneInputRules.Apply(input, times, m);
            return null;
        }, recompute: true, cancellationToken, checkOrder: true);

    /// <summary>Takes a milestone out of the plan (kept, marked removed).</summary>
    public Task<CommandResult> RemoveAsync(AccessScope scope, int milestoneId, long version, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, milestoneId, version, AuditActions.Deactivate, (m, _) =>
        {
            m.IsRemoved = true;
            return null;
        }, recompute: true, cancellationToken);

    public async Task<CommandResult<int>> AddAsync(AccessScope scope, string regionCode, MilestoneInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.CutoverPlans.Include(p => p.Region).FirstOrDefaultAsync(p => p.Region!.Code == regionCode, cancellationToken);
        if (plan is null || !MayEdit(scope, plan.RegionId))
        {
            await audit.RecordDeniedAsync(scope, EntityType, regionCode, "create", cancellationToken);
            return plan is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        var errors = new ValidationErrors();
        if (MilestoneInputRules.Validate(input, RegionTimeZone.Of(plan.TimeZoneId), errors) is not { } times)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        var milestone = new Milestone { PlanId = plan.Id, TitleZh = "", TitleEn = "" };
        MilestoneInputRules.Apply(input, times, milestone);
        if (await OrderRefusalAsync(db, milestone, RegionTimeZone.Of(plan.TimeZoneId), cancellationToken) is { } refused)
        {
            return refused;
        }

        var id = await AuditedChange.InsertAsync(db, audit, scope, milestone, EntityType, m => m.Id, Snapshot, cancellationToken);
        await AfterPlanChangeAsync(plan.RegionId, recompute: true, cancellationToken);
        return new CommandResult<int>(CommandResult.Ok(), id);
    }

    private async Task<CommandResult> ChangeAsync(
        AccessScope scope, int milestoneId, long version, string action, Func<Milestone, TimeZoneInfo, CommandResult?> change, bool recompute, CancellationToken cancellationToken,
        bool checkOrder = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var milestone = await db.Milestones.Include(m => m.Plan).FirstOrDefaultAsync(m => m.Id == milestoneId && !m.IsRemoved, cancellationToken);
        if (milestone is null || !MayEdit(scope, milestone.Plan!.RegionId))
        {
            await audit.RecordDeniedAsync(scope, EntityType, milestoneId, action, cancellationToken);
            return milestone is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        var zone = RegionTimeZone.Of(milestone.Plan.TimeZoneId);
        var result = await AuditedChange.SaveAsync(db, audit, scope, milestone, version, action, EntityType, milestoneId, Snapshot,
            async m => change(m, zone) ?? (checkOrder ? await OrderRefusalAsync(db, m, zone, cancellationToken) : null), cancellationToken);
        if (result.Succeeded)
        {
            await AfterPlanChangeAsync(milestone.Plan.RegionId, recompute, cancellationToken);
        }

        return result;
    }

    private async Task AfterPlanChangeAsync(int regionId, bool recompute, CancellationToken cancellationToken)
    {
        if (recompute)
        {
            await deadlines.RecomputeRegionAsync(regionId, cancellationToken);
        }

        activity.Publish(regionId);
    }

    /// <summary>Refuses a change that would put the go-live before the stop; the message names both times.</summary>
    private static async Task<CommandResult?> OrderRefusalAsync(DashboardDbContext db, Milestone changed, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var others = await db.Milestones.AsNoTracking()
            .Where(m => m.PlanId == changed.PlanId && !m.IsRemoved && m.Id != changed.Id).ToListAsync(cancellationToken);
        var refusal = PlanOrderChecks.Refusal(others.Append(changed).Select(RegionPlanMapper.ToView), zone);
        return refusal is null ? null : CommandResult.Invalid(nameof(MilestoneInput.LocalTime), refusal);
    }

    /// <summary>Whether the user may change this region's plan: administrators, and supervisors of the region.</summary>
    public async Task<bool> MayEditAsync(AccessScope? scope, string regionCode, CancellationToken cancellationToken = default)
    {
        if (scope is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regionId = await db.Regions.Where(r => r.Code == regionCode).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return regionId is { } id && MayEdit(scope, id);
    }

    private static bool MayEdit(AccessScope scope, int regionId) =>
        scope.IsAdmin || (scope.Role == UserRole.Supervisor && scope.CanSeeRegion(regionId));

    private static bool TryParse(string? text, TimeZoneInfo zone, out (DateTime DueUtc, MilestonePrecision Precision, bool EndOfDay) parsed) =>
        MilestoneTimeParser.TryParse(text, zone, out parsed);

    private static object Snapshot(Milestone m) => new
    {
        m.Kind, m.DueUtc, m.Precision, m.WrittenAsEndOfDay, m.EndUtc, m.EndPrecision, m.EndWrittenAsEndOfDay, m.IsEstimated, m.IsConditional, m.ConditionZh,
        m.Status, m.StatusNote, m.ActualUtc, m.TitleZh, m.TitleEn, m.NoteZh, m.NoteEn, m.IsRemoved,
    };
}
