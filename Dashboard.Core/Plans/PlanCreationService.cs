using Dashboard.Core.Accounts;
using Dashboard.Core.Live;

namespace Dashboard.Core.Plans;

/// <summary>What an administrator fills in to open a new region.</summary>
public sealed class NewPlanInput
{
    public string TemplateCode { get; set; } = "";

    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>The new time of the template's first stop, as the notice writes it.</summary>
    public string NewStopLocal { get; set; } = "";

    /// <summary>Supervisors and managers who will watch the region: at least one supervisor.</summary>
    public List<string> PeopleIds { get; set; } = [];
}

/// <summary>A supervisor or manager an administrator can put in charge of a region.</summary>
public sealed record AssignablePerson(string Id, string UserName, string DisplayName, UserRole Role);

/// <summary>
/// Opens a region: its plan from a template moved to the new stop (<see cref="PlanTemplateShift"/>) and
/// the people who will watch it, in one transaction, so a new region never sits unseen on every board.
/// </summary>
public sealed class PlanCreationService(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, RegionActivity activity)
{
    public const string CodeTaken = "Plan_CodeTaken";
    public const string TemplateHasNoStop = "Plan_TemplateHasNoStop";
    public const string SupervisorRequired = "Plan_SupervisorRequired";

    public async Task<IReadOnlyList<AssignablePerson>> GetAssignablePeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && (u.Role == UserRole.Supervisor || u.Role == UserRole.Manager))
            .OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Select(u => new AssignablePerson(u.Id, u.UserName ?? "", u.DisplayName, u.Role))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The template's first stop as its notice wrote it, to show what the new time replaces.</summary>
    public async Task<MilestoneView?> GetTemplateAnchorAsync(string templateCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.CutoverPlans.AsNoTracking().Include(p => p.Milestones).FirstOrDefaultAsync(p => p.Region!.Code == templateCode, cancellationToken);
        return plan is null || PlanTemplateShift.AnchorOf(plan.Milestones) is not { } anchor ? null : RegionPlanMapper.ToView(anchor);
    }

    public async Task<CommandResult<int>> CreateFromTemplateAsync(AccessScope scope, NewPlanInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, nameof(Region), input.Code, "create", cancellationToken);
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.CutoverPlans.Include(p => p.Region).Include(p => p.Milestones)
            .FirstOrDefaultAsync(p => p.Region!.Code == input.TemplateCode, cancellationToken);
        var zone = RegionTimeZone.Of(template?.TimeZoneId);
        var code = input.Code.Trim().ToLowerInvariant();
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.Code), code, 40);
        errors.RequireText(nameof(input.NameZh), input.NameZh, 100);
        if (code.Length > 0 && (!code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || await db.Regions.AnyAsync(r => r.Code == code, cancellationToken)))
        {
            errors.Add(nameof(input.Code), CodeTaken);
        }

        var anchor = template is null ? null : PlanTemplateShift.AnchorOf(template.Milestones);
        if (anchor is null)
        {
            errors.Add(nameof(input.TemplateCode), TemplateHasNoStop);
        }

        if (!MilestoneTimeParser.TryParse(input.NewStopLocal, zone, out _))
        {
            errors.Add(nameof(input.NewStopLocal), PlanEditingService.TimeFormat);
        }

        var people = await db.Users.Where(u => input.PeopleIds.Contains(u.Id) && !u.IsDisabled && (u.Role == UserRole.Supervisor || u.Role == UserRole.Manager))
            .Select(u => new { u.Id, u.Role }).ToListAsync(cancellationToken);
        if (!people.Any(p => p.Role == UserRole.Supervisor))
        {
            errors.Add(nameof(input.PeopleIds), SupervisorRequired);
        }

        if (errors.Any)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        var plan = NewPlan(template!, anchor!, input, zone);
        if (PlanOrderChecks.Refusal(plan.Milestones.Select(RegionPlanMapper.ToView), zone) is { } refusal)
        {
            return CommandResult.Invalid(nameof(input.NewStopLocal), refusal);
        }

        var region = new Region { Code = code, NameZh = input.NameZh.Trim(), NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? input.NameZh.Trim() : input.NameEn.Trim(), SortOrder = 100, Plan = plan };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
        db.Set<UserRegion>().AddRange(people.Select(p => new UserRegion { UserId = p.Id, RegionId = region.Id }));
        audit.Add(db, scope, AuditActions.Create, nameof(Region), region.Id, after: new
        {
            region.Code, region.NameZh, Template = input.TemplateCode, Stop = input.NewStopLocal.Trim(), Milestones = plan.Milestones.Count, People = people.Select(p => p.Id).Order(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Publish(region.Id);
        return new CommandResult<int>(CommandResult.Ok(), region.Id);
    }

    private static CutoverPlan NewPlan(CutoverPlan source, Milestone anchor, NewPlanInput input, TimeZoneInfo zone)
    {
        var days = PlanTemplateShift.DaysFrom(anchor, input.NewStopLocal, zone);
        return new CutoverPlan
        {
            OldSystemNameZh = source.OldSystemNameZh, OldSystemNameEn = source.OldSystemNameEn, NewSystemNameZh = source.NewSystemNameZh, NewSystemNameEn = source.NewSystemNameEn,
            TimeZoneId = source.TimeZoneId, CatchUpRuleKind = source.CatchUpRuleKind, CatchUpWorkingDays = source.CatchUpWorkingDays,
            CatchUpFixedDate = source.CatchUpFixedDate?.AddDays(days), CatchUpRuleFromNotice = false,
            SourceNotice = $"{source.Region!.NameZh} → {input.NameZh.Trim()}",
            Milestones = [.. source.Milestones.Where(m => !m.IsRemoved).OrderBy(m => m.DueUtc)
                .Select(m => m == anchor ? PlanTemplateShift.MoveAnchor(m, input.NewStopLocal, zone) : PlanTemplateShift.Shift(m, days, zone))],
        };
    }
}
