using System.Globalization;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;

namespace Dashboard.Core.Plans;

/// <summary>Every plan-level field an administrator edits: names, catch-up rule, time zone and the source notice.</summary>
public sealed class PlanSettingsInput
{
    /// <summary>The plan's version when it was read; pass it back to <see cref="PlanSettingsService.UpdateAsync"/>.</summary>
    public long Version { get; set; }

    public string RegionNameZh { get; set; } = "";

    public string RegionNameEn { get; set; } = "";

    public string OldSystemNameZh { get; set; } = "";

    public string OldSystemNameEn { get; set; } = "";

    public string NewSystemNameZh { get; set; } = "";

    public string NewSystemNameEn { get; set; } = "";

    public CatchUpRuleKind CatchUpRuleKind { get; set; }

    public int? CatchUpWorkingDays { get; set; }

    public DateOnly? CatchUpFixedDate { get; set; }

    public bool CatchUpRuleFromNotice { get; set; }

    /// <summary>An IANA time zone, e.g. Asia/Shanghai.</summary>
    public string TimeZoneId { get; set; } = RegionTimeZone.DefaultId;

    /// <summary>The notice's title (stored as <see cref="CutoverPlan.SourceNotice"/>).</summary>
    public string? SourceTitle { get; set; }

    public string? SourceIssuer { get; set; }

    public string? SourceDocumentNumber { get; set; }

    public DateOnly? SourcePublishedOn { get; set; }

    public string? SourceUrl { get; set; }
}

/// <summary>
/// Administrators correct what a plan says beyond its milestones. A new catch-up rule rewrites the
/// deadlines of the region's held patients and paper forms; a new time zone keeps every milestone's
/// local time as the notice wrote it (the notice's times are local), so their instants move.
/// </summary>
public sealed class PlanSettingsService(
    IDbContextFactory<DashboardDbContext> dbFactory, HeldPatientDeadlines deadlines, AuditTrail audit, RegionActivity activity)
{
    public const int RegionNameMaxLength = 100;
    public const int SystemNameMaxLength = 200;
    public const int SourceTitleMaxLength = 300;
    public const int SourceIssuerMaxLength = 100;
    public const int SourceDocumentNumberMaxLength = 100;
    public const int SourceUrlMaxLength = 500;
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 60;

    public const string TimeZoneUnknown = "PlanSettings_TimeZoneUnknown";
    public const string TimeNotInZone = "PlanSettings_TimeNotInZone";
    public const string UrlInvalid = "PlanSettings_UrlInvalid";
    public const string WorkingDaysRange = "PlanSettings_WorkingDaysRange";
    public const string FixedDateRequired = "PlanSettings_FixedDateRequired";

    private const string EntityType = nameof(CutoverPlan);

    /// <summary>The plan's settings as an editor starts from; null when the region has no plan.</summary>
    public async Task<PlanSettingsInput?> GetAsync(string regionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.CutoverPlans.AsNoTracking().Include(p => p.Region).FirstOrDefaultAsync(p => p.Region!.Code == regionCode, cancellationToken);
        return plan is null ? null : new PlanSettingsInput
        {
            Version = plan.Version,
            RegionNameZh = plan.Region!.NameZh, RegionNameEn = plan.Region.NameEn,
            OldSystemNameZh = plan.OldSystemNameZh, OldSystemNameEn = plan.OldSystemNameEn,
            NewSystemNameZh = plan.NewSystemNameZh, NewSystemNameEn = plan.NewSystemNameEn,
            CatchUpRuleKind = plan.CatchUpRuleKind, CatchUpWorkingDays = plan.CatchUpWorkingDays, CatchUpFixedDate = plan.CatchUpFixedDate,
            CatchUpRuleFromNotice = plan.CatchUpRuleFromNotice,
            TimeZoneId = plan.TimeZoneId,
            SourceTitle = plan.SourceNotice, SourceIssuer = plan.SourceIssuer, SourceDocumentNumber = plan.SourceDocumentNumber,
            SourcePublishedOn = plan.SourcePublishedOn, SourceUrl = plan.SourceUrl,
        };
    }

    public async Task<CommandResult> UpdateAsync(AccessScope scope, string regionCode, long version, PlanSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, EntityType, regionCode, AuditActions.Update, cancellationToken);
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.CutoverPlans.Include(p => p.Region).Include(p => p.Milestones)
            .FirstOrDefaultAsync(p => p.Region!.Code == regionCode, cancellationToken);
        if (plan is null)
        {
            return CommandResult.NotFound();
        }

        var (rule, zoneId) = (RuleOf(plan), plan.TimeZoneId);
        var result = await AuditedChange.SaveAsync(db, audit, scope, plan, version, AuditActions.Update, EntityType, plan.Id, Snapshot, p =>
        {
            var refused = Validate(input, out var zone) ?? Apply(input, zone!, p);

            // A change to the region's names alone leaves the plan row untouched; the plan's version still guards the whole form.
            if (refused is null && db.Entry(p).State == EntityState.Unchanged)
            {
                db.Entry(p).Property(x => x.Version).IsModified = true;
            }

            return Task.FromResult(refused);
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        // The rule decides the deadline's day, the zone when that day ends.
        if (RuleOf(plan) != rule || plan.TimeZoneId != zoneId)
        {
            await deadlines.RecomputeRegionAsync(plan.RegionId, cancellationToken);
        }

        activity.Publish(plan.RegionId);
        return result;
    }

    private static CommandResult? Validate(PlanSettingsInput input, out TimeZoneInfo? zone)
    {
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.RegionNameZh), input.RegionNameZh, RegionNameMaxLength);
        errors.LimitLength(nameof(input.RegionNameEn), input.RegionNameEn, RegionNameMaxLength);
        errors.RequireText(nameof(input.OldSystemNameZh), input.OldSystemNameZh, SystemNameMaxLength);
        errors.LimitLength(nameof(input.OldSystemNameEn), input.OldSystemNameEn, SystemNameMaxLength);
        errors.RequireText(nameof(input.NewSystemNameZh), input.NewSystemNameZh, SystemNameMaxLength);
        errors.LimitLength(nameof(input.NewSystemNameEn), input.NewSystemNameEn, SystemNameMaxLength);
        errors.LimitLength(nameof(input.SourceTitle), input.SourceTitle, SourceTitleMaxLength);
        errors.LimitLength(nameof(input.SourceIssuer), input.SourceIssuer, SourceIssuerMaxLength);
        errors.LimitLength(nameof(input.SourceDocumentNumber), input.SourceDocumentNumber, SourceDocumentNumberMaxLength);
        errors.LimitLength(nameof(input.SourceUrl), input.SourceUrl, SourceUrlMaxLength);
        if (!string.IsNullOrWhiteSpace(input.SourceUrl) && !IsWebAddress(input.SourceUrl.Trim()))
        {
            errors.Add(nameof(input.SourceUrl), UrlInvalid);
        }

        if (input.CatchUpRuleKind == CatchUpRuleKind.FixedDate && input.CatchUpFixedDate is null)
        {
            errors.Add(nameof(input.CatchUpFixedDate), FixedDateRequired);
        }
        else if (input.CatchUpRuleKind == CatchUpRuleKind.WorkingDaysAfterGoLive && input.CatchUpWorkingDays is not (>= MinWorkingDays and <= MaxWorkingDays))
        {
            errors.Add(nameof(input.CatchUpWorkingDays), new Message(WorkingDaysRange,
                MinWorkingDays.ToString(CultureInfo.InvariantCulture), MaxWorkingDays.ToString(CultureInfo.InvariantCulture)));
        }
        else if (!Enum.IsDefined(input.CatchUpRuleKind))
        {
            errors.Add(nameof(input.CatchUpRuleKind), ValidationErrors.Required);
        }

        zone = FindIanaZone(input.TimeZoneId?.Trim());
        if (zone is null)
        {
            errors.Add(nameof(input.TimeZoneId), new Message(TimeZoneUnknown, input.TimeZoneId?.Trim() ?? ""));
        }

        return errors.Any ? CommandResult.Invalid(errors.ToDictionary()) : null;
    }

    private static CommandResult? Apply(PlanSettingsInput input, TimeZoneInfo zone, CutoverPlan plan)
    {
        if (zone.Id != plan.TimeZoneId && RereadMilestones(plan, RegionTimeZone.Of(plan.TimeZoneId), zone) is { } refused)
        {
            return refused;
        }

        var region = plan.Region!;
        region.NameZh = InputText.Line(input.RegionNameZh);
        region.NameEn = OrZh(input.RegionNameEn, region.NameZh);
        plan.OldSystemNameZh = InputText.Line(input.OldSystemNameZh);
        plan.OldSystemNameEn = OrZh(input.OldSystemNameEn, plan.OldSystemNameZh);
        plan.NewSystemNameZh = InputText.Line(input.NewSystemNameZh);
        plan.NewSystemNameEn = OrZh(input.NewSystemNameEn, plan.NewSystemNameZh);
        plan.CatchUpRuleKind = input.CatchUpRuleKind;
        var byDays = input.CatchUpRuleKind == CatchUpRuleKind.WorkingDaysAfterGoLive;
        plan.CatchUpWorkingDays = byDays ? input.CatchUpWorkingDays : null;
        plan.CatchUpFixedDate = byDays ? null : input.CatchUpFixedDate;
        plan.CatchUpRuleFromNotice = input.CatchUpRuleFromNotice;
        plan.TimeZoneId = zone.Id;
        plan.SourceNotice = Trimmed(input.SourceTitle);
        plan.SourceIssuer = Trimmed(input.SourceIssuer);
        plan.SourceDocumentNumber = Trimmed(input.SourceDocumentNumber);
        plan.SourcePublishedOn = input.SourcePublishedOn;
        plan.SourceUrl = Trimmed(input.SourceUrl);
        return null;
    }

    /// <summary>
    /// Reads each milestone's written time ("2021-11-30 18:00", a date, "24:00") again in the new zone.
    /// A written time the new zone skips (a daylight-saving gap) is refused rather than guessed.
    /// </summary>
    private static CommandResult? RereadMilestones(CutoverPlan plan, TimeZoneInfo from, TimeZoneInfo to)
    {
        foreach (var m in plan.Milestones)
        {
            var written = MilestoneTimeText.Format(Utc(m.DueUtc), m.Precision, m.WrittenAsEndOfDay, from);
            var writtenEnd = m.EndUtc is { } end ? MilestoneTimeText.Format(Utc(end), m.EndPrecision, m.EndWrittenAsEndOfDay, from) : null;
            try
            {
                (m.DueUtc, m.Precision, m.WrittenAsEndOfDay) = MilestoneTimeParser.Parse(written, to);
                if (writtenEnd is not null)
                {
                    (m.EndUtc, m.EndPrecision, m.EndWrittenAsEndOfDay) = MilestoneTimeParser.Parse(writtenEnd, to);
                }
            }
            catch (ArgumentException)
            {
                return CommandResult.Invalid(nameof(PlanSettingsInput.TimeZoneId), new Message(TimeNotInZone, writtenEnd ?? written, to.Id));
            }
        }

        return null;
    }

    /// <summary>A zone the system knows by its IANA name (not a Windows name it would also accept).</summary>
    private static TimeZoneInfo? FindIanaZone(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static (CatchUpRuleKind, int?, DateOnly?) RuleOf(CutoverPlan plan) => (plan.CatchUpRuleKind, plan.CatchUpWorkingDays, plan.CatchUpFixedDate);

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string? Trimmed(string? text) => InputText.LineOrNull(text);

    /// <summary>An English name left empty shows the Chinese one rather than nothing.</summary>
    private static string OrZh(string? en, string zh) => Trimmed(en) ?? zh;

    private static object Snapshot(CutoverPlan p) => new
    {
        RegionNameZh = p.Region!.NameZh, RegionNameEn = p.Region.NameEn,
        p.OldSystemNameZh, p.OldSystemNameEn, p.NewSystemNameZh, p.NewSystemNameEn,
        p.CatchUpRuleKind, p.CatchUpWorkingDays, p.CatchUpFixedDate, p.CatchUpRuleFromNotice, p.TimeZoneId,
        p.SourceNotice, p.SourceIssuer, p.SourceDocumentNumber, p.SourcePublishedOn, p.SourceUrl,

        // The instants a change of zone moves; unchanged otherwise, so the history shows them only then.
        MilestoneTimes = p.Milestones.OrderBy(m => m.Id)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Id}: {m.DueUtc:O}{(m.EndUtc is { } e ? $" – {e:O}" : "")}")).ToList(),
    };
}
