namespace Dashboard.Core.Notifications;

/// <summary>
/// Administrators manage the regions' webhook targets, send a test message and read the delivery log.
/// Every change is audited (the URL masked, the secret never written); anyone else is refused and that is audited too.
/// </summary>
public sealed class WebhookTargetService(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, NotificationOutbox outbox, TimeProvider clock)
{
    public const string EventsRequired = "Webhook_EventsRequired";
    public const string ThresholdRange = "Webhook_ThresholdRange";
    public const string UnknownRegion = "Facility_UnknownRegion";
    public const int MaxThreshold = 100_000;
    public const int LogSize = 100;
    private const string EntityType = nameof(WebhookTarget);

    /// <summary>Every target, or null (and audited) for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<WebhookTargetRow>?> ListAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(scope, "*", "list", cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var targets = await db.WebhookTargets.AsNoTracking().Include(t => t.Region)
            .OrderBy(t => t.Region!.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        return targets.Select(t => new WebhookTargetRow(
            t.Id, t.RegionId, new LocalizedText(t.Region!.NameZh, t.Region.NameEn), t.Name, t.Kind, WebhookUrl.Masked(t.Url),
            !string.IsNullOrEmpty(t.Secret), t.Events, t.OverdueThreshold, t.IsActive, t.Version)).ToList();
    }

    public async Task<CommandResult<int>> CreateAsync(AccessScope scope, WebhookTargetInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await AllowedAsync(scope, "new", "create", cancellationToken))
        {
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ValidateAsync(db, input, isNew: true, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var target = new WebhookTarget { Name = "", Url = "" };
        Apply(input, target);
        var id = await AuditedChange.InsertAsync(db, audit, scope, target, EntityType, t => t.Id, Snapshot, cancellationToken);
        return new CommandResult<int>(CommandResult.Ok(), id);
    }

    public Task<CommandResult> UpdateAsync(AccessScope scope, int id, long expectedVersion, WebhookTargetInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, id, expectedVersion, AuditActions.Update, async (db, target) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (await ValidateAsync(db, input, isNew: false, cancellationToken, target) is { } invalid)
            {
                return invalid;
            }

            Apply(input, target);
            return null;
        }, cancellationToken);

    /// <summary>Deactivates (or reactivates) a target; it is never deleted, its log refers to it.</summary>
    public Task<CommandResult> SetActiveAsync(AccessScope scope, int id, long expectedVersion, bool active, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, id, expectedVersion, active ? AuditActions.Reactivate : AuditActions.Deactivate, (_, target) =>
        {
            target.IsActive = active;
            return Task.FromResult<CommandResult?>(null);
        }, cancellationToken);

    /// <summary>Queues a test message for the target; the delivery log shows how it went.</summary>
    public async Task<CommandResult> SendTestAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(scope, id, "test", cancellationToken))
        {
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.WebhookTargets.AsNoTracking().Include(t => t.Region).FirstOrDefaultAsync(t => t.Id == id && t.IsActive, cancellationToken);
        if (target is null)
        {
            return CommandResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var content = new NotificationContent(NotificationEventTypes.Test, now, new RegionPart(target.Region!.Code, target.Region.NameZh, target.Region.NameEn));
        await outbox.AddAsync(db, [new QueuedNotification(target.Id, $"{NotificationEventKeys.Test}:{now.UtcTicks}:{Guid.NewGuid():N}", content)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Queued.Set();
        return CommandResult.Ok();
    }

    /// <summary>The latest delivery attempts, newest first, or null (and audited) for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<DeliveryLogRow>?> DeliveryLogAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(scope, "*", "read the delivery log of", cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeliveryAttempts.AsNoTracking().OrderByDescending(a => a.Id).Take(LogSize)
            .Select(a => new
            {
                a.Id, a.AttemptedUtc, a.Message!.Target!.Name, a.Message.Target.Region!.NameZh, a.Message.Target.Region.NameEn, a.Message.EventKey,
                a.Succeeded, a.StatusCode, a.Error, a.DurationMilliseconds, a.Message.Status, a.Message.Attempts, a.Message.NextAttemptUtc,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DeliveryLogRow(
            r.Id, r.AttemptedUtc, r.Name, new LocalizedText(r.NameZh, r.NameEn), r.EventKey, r.Succeeded, r.StatusCode, r.Error, r.DurationMilliseconds,
            r.Status, r.Attempts, r.Status == DeliveryStatus.Pending ? r.NextAttemptUtc : null)).ToList();
    }

    private async Task<bool> AllowedAsync(AccessScope scope, object entityId, string attempted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsAdmin)
        {
            return true;
        }

        await audit.RecordDeniedAsync(scope, EntityType, entityId, attempted, cancellationToken);
        return false;
    }

    private async Task<CommandResult> ChangeAsync(
        AccessScope scope, int id, long expectedVersion, string action,
        Func<DashboardDbContext, WebhookTarget, Task<CommandResult?>> change, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(scope, id, action, cancellationToken))
        {
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.WebhookTargets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return CommandResult.NotFound();
        }

        return await AuditedChange.SaveAsync(db, audit, scope, target, expectedVersion, action, EntityType, id, Snapshot,
            t => change(db, t), cancellationToken);
    }

    private static async Task<CommandResult?> ValidateAsync(
        DashboardDbContext db, WebhookTargetInput input, bool isNew, CancellationToken cancellationToken, WebhookTarget? existing = null)
    {
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.Name), input.Name, 100);
        var url = input.Url?.Trim() ?? "";
        if (url.Length == 0 && isNew)
        {
            errors.Add(nameof(input.Url), ValidationErrors.Required);
        }
        else if (url.Length > WebhookUrl.MaxLength)
        {
            errors.Add(nameof(input.Url), ValidationErrors.TooLongMessage(WebhookUrl.MaxLength, url.Length));
        }
        else if (WebhookUrl.Problem(url.Length > 0 ? url : existing!.Url, input.Kind) is { } problem)
        {
            errors.Add(nameof(input.Url), problem);
        }

        errors.LimitLength(nameof(input.Secret), input.Secret, 200);
        if ((input.Events & NotificationEvents.All) == NotificationEvents.None)
        {
            errors.Add(nameof(input.Events), EventsRequired);
        }

        if (input.OverdueThreshold is < 1 or > MaxThreshold)
        {
            errors.Add(nameof(input.OverdueThreshold), new Message(ThresholdRange, "1", MaxThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!await db.Regions.AnyAsync(r => r.Id == input.RegionId, cancellationToken))
        {
            errors.Add(nameof(input.RegionId), UnknownRegion);
        }

        return errors.Any ? CommandResult.Invalid(errors.ToDictionary()) : null;
    }

    private static void Apply(WebhookTargetInput input, WebhookTarget target)
    {
        target.RegionId = input.RegionId;
        target.Name = InputText.Line(input.Name);
        target.Kind = input.Kind;
        if (!string.IsNullOrWhiteSpace(input.Url))
        {
            target.Url = input.Url.Trim();
        }

        if (input.Kind != WebhookKind.DingTalk)
        {
            target.Secret = null;
        }
        else if (!string.IsNullOrWhiteSpace(input.Secret))
        {
            target.Secret = input.Secret.Trim();
        }

        target.Events = input.Events & NotificationEvents.All;
        target.OverdueThreshold = input.OverdueThreshold;
    }

    /// <summary>What the audit trail keeps: never the secret, and the URL's key masked.</summary>
    private static object Snapshot(WebhookTarget t) => new
    {
        t.RegionId, t.Name, t.Kind, Url = WebhookUrl.Masked(t.Url), HasSecret = !string.IsNullOrEmpty(t.Secret), Events = t.Events.ToString(), t.OverdueThreshold, t.IsActive,
    };
}
