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

/// <summary>A plan read from a notice: the systems it names and the milestones the administrator kept.</summary>
public sealed class NoticePlanInput
{
    public string OldSystemZh { get; set; } = "";

    public string NewSystemZh { get; set; } = "";

    /// <summary>The notice's title (issuer and number are edited later with the plan's settings).</summary>
    public string? SourceTitle { get; set; }

    public List<NoticeMilestoneRow> Milestones { get; set; } = [];

    /// <summary>Errors of a row's field are keyed "Milestones[3].LocalTime".</summary>
    public static string RowPrefix(int index) => $"{nameof(Milestones)}[{index}].";
}

/// <summary>A proposal from the notice: kept or dropped, and corrected where the parser read it wrong.</summary>
public sealed class NoticeMilestoneRow
{
    public bool Include { get; set; } = true;

    public MilestoneInput Milestone { get; set; } = new();

    public static NoticeMilestoneRow From(Notices.ProposedMilestone proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new NoticeMilestoneRow
        {
            Milestone = new MilestoneInput
            {
                Kind = proposal.Kind, LocalTime = proposal.LocalTime, EndLocalTime = proposal.EndLocalTime, IsEstimated = proposal.IsEstimated,
                IsConditional = proposal.IsConditional, TitleZh = proposal.Sentence.Length > 300 ? proposal.Sentence[..300] : proposal.Sentence,
            },
        };
    }
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
    public const string NoMilestones = "Plan_NoMilestones";

    /// <summary>The agency's usual catch-up window where a notice sets none (SPEC: "within 10 working days").</summary>
    public const int DefaultCatchUpWorkingDays = 10;

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

    public Task<CommandResult<int>> CreateFromTemplateAsync(AccessScope scope, NewPlanInput input, CancellationToken cancellationToken = default) =>
        CreateAsync(scope, input, async (db, errors) =>
        {
            var template = await db.CutoverPlans.Include(p => p.Region).Include(p => p.Milestones)
                .FirstOrDefaultAsync(p => p.Region!.Code == input.TemplateCode, cancellationToken);
            var zone = RegionTimeZone.Of(template?.TimeZoneId);
            var anchor = template is null ? null : PlanTemplateShift.AnchorOf(template.Milestones);
            if (anchor is null)
            {
                errors.Add(nameof(input.TemplateCode), TemplateHasNoStop);
            }

            if (!MilestoneTimeParser.TryParse(input.NewStopLocal, zone, out _))
            {
                errors.Add(nameof(input.NewStopLocal), PlanEditingService.TimeFormat);
            }

            return (errors.Any ? null : NewPlan(template!, anchor!, input, zone), nameof(input.NewStopLocal));
        }, cancellationToken);

    /// <summary>A new region's plan from the milestones its notice states, as the administrator accepted or corrected them.</summary>
    public Task<CommandResult<int>> CreateFromNoticeAsync(AccessScope scope, NewPlanInput input, NoticePlanInput notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return CreateAsync(scope, input, (_, errors) => Task.FromResult((NoticePlan(notice, errors), nameof(notice.Milestones))), cancellationToken);
    }

    /// <summary>
    /// What every new region needs whatever its plan comes from: a free code, a name, a supervisor,
    /// a plan without an impossible order; then region, plan and people in one transaction.
    /// </summary>
    private async Task<CommandResult<int>> CreateAsync(
        AccessScope scope, NewPlanInput input, Func<DashboardDbContext, ValidationErrors, Task<(CutoverPlan? Plan, string OrderField)>> buildPlan,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, nameof(Region), input.Code, "create", cancellationToken);
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = input.Code.Trim().ToLowerInvariant();
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.Code), code, 40);
        errors.RequireText(nameof(input.NameZh), input.NameZh, 100);
        errors.LimitLength(nameof(input.NameEn), input.NameEn, 100);
        if (code.Length > 0 && (!code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || await db.Regions.AnyAsync(r => r.Code == code, cancellationToken)))
        {
            errors.Add(nameof(input.Code), CodeTaken);
        }

        var people = await db.Users.Where(u => input.PeopleIds.Contains(u.Id) && !u.IsDisabled && (u.Role == UserRole.Supervisor || u.Role == UserRole.Manager))
            .Select(u => new { u.Id, u.Role }).ToListAsync(cancellationToken);
        if (!people.Any(p => p.Role == UserRole.Supervisor))
        {
            errors.Add(nameof(input.PeopleIds), SupervisorRequired);
        }

        var (plan, orderField) = await buildPlan(db, errors);
        if (errors.Any || plan is null)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        var zone = RegionTimeZone.Of(plan.TimeZoneId);
        if (PlanOrderChecks.Refusal(plan.Milestones.Select(RegionPlanMapper.ToView), zone) is { } refusal)
        {
            return CommandResult.Invalid(orderField, refusal);
        }

        var region = new Region { Code = code, NameZh = input.NameZh.Trim(), NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? input.NameZh.Trim() : input.NameEn.Trim(), SortOrder = 100, Plan = plan };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
        db.Set<UserRegion>().AddRange(people.Select(p => new UserRegion { UserId = p.Id, RegionId = region.Id }));
        audit.Add(db, scope, AuditActions.Create, nameof(Region), region.Id, after: new
        {
            region.Code, region.NameZh, Source = plan.SourceNotice, Milestones = plan.Milestones.Count, People = people.Select(p => p.Id).Order(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Publish(region.Id);
        return new CommandResult<int>(CommandResult.Ok(), region.Id);
    }

    private static CutoverPlan? NoticePlan(NoticePlanInput notice, ValidationErrors errors)
    {
        var zone = RegionTimeZone.Of(null);
        errors.RequireText(nameof(notice.OldSystemZh), notice.OldSystemZh, 200);
        errors.RequireText(nameof(notice.NewSystemZh), notice.NewSystemZh, 200);
        errors.LimitLength(nameof(notice.SourceTitle), notice.SourceTitle, 300);
        var kept = notice.Milestones.Where(m => m.Include).ToList();
        if (kept.Count == 0)
        {
            errors.Add(nameof(notice.Milestones), NoMilestones);
        }

        var milestones = new List<Milestone>();
        for (var i = 0; i < notice.Milestones.Count; i++)
        {
            var row = notice.Milestones[i];
            if (row.Include && MilestoneInputRules.Validate(row.Milestone, zone, errors, NoticePlanInput.RowPrefix(i)) is { } times)
            {
                var milestone = new Milestone { TitleZh = "", TitleEn = "" };
                MilestoneInputRules.Apply(row.Milestone, times, milestone);
                milestones.Add(milestone);
            }
        }

        return errors.Any ? null : new CutoverPlan
        {
            OldSystemNameZh = notice.OldSystemZh.Trim(), OldSystemNameEn = notice.OldSystemZh.Trim(),
            NewSystemNameZh = notice.NewSystemZh.Trim(), NewSystemNameEn = notice.NewSystemZh.Trim(),
            TimeZoneId = RegionTimeZone.DefaultId, CatchUpRuleKind = CatchUpRuleKind.WorkingDaysAfterGoLive, CatchUpWorkingDays = DefaultCatchUpWorkingDays,
            CatchUpRuleFromNotice = false, SourceNotice = string.IsNullOrWhiteSpace(notice.SourceTitle) ? null : notice.SourceTitle.Trim(),
            Milestones = milestones,
        };
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
