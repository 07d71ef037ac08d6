namespace Dashboard.Core.Facilities;

/// <summary>Facilities in the caller's scope; administrators create, edit and deactivate them.</summary>
public sealed class FacilityService(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit)
{
    public const string CodeTaken = "Facility_CodeTaken";
    public const string UnknownRegion = "Facility_UnknownRegion";

    public async Task<IReadOnlyList<FacilityRow>> ListAsync(AccessScope scope, bool includeInactive = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.For(scope).Facilities.AsNoTracking();
        if (!includeInactive)
        {
            query = query.Where(f => f.IsActive);
        }

        return await Project(query.OrderBy(f => f.Region!.SortOrder).ThenBy(f => f.Code)).ToListAsync(cancellationToken);
    }

    /// <summary>The facility if the caller may see it; otherwise null, and the attempt is audited (a refusal, or an id that does not exist).</summary>
    public Task<FacilityRow?> GetAsync(AccessScope scope, int id, CancellationToken cancellationToken = default) =>
        GetAsync(scope, id, auditMiss: true, cancellationToken);

    /// <summary>As above; <paramref name="auditMiss"/> false when this visit's miss is already audited (the page's prerender).</summary>
    public async Task<FacilityRow?> GetAsync(AccessScope scope, int id, bool auditMiss, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(db.For(scope).Facilities.AsNoTracking().Where(f => f.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (row is null && auditMiss)
        {
            if (await db.Facilities.AnyAsync(f => f.Id == id, cancellationToken))
            {
                await audit.RecordDeniedAsync(scope, nameof(Facility), id, "read", cancellationToken);
            }
            else
            {
                await audit.RecordMissingAsync(scope, nameof(Facility), id, "read", cancellationToken);
            }
        }

        return row;
    }

    public async Task<CommandResult<int>> CreateAsync(AccessScope scope, FacilityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, nameof(Facility), "new", "create", cancellationToken);
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ValidateAsync(db, input, excludeId: null, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var facility = new Facility { Code = "", Name = "" };
        Apply(input, facility);
        var id = await AuditedChange.InsertAsync(db, audit, scope, facility, nameof(Facility), f => f.Id, Snapshot, cancellationToken);
        return new CommandResult<int>(CommandResult.Ok(), id);
    }

    public Task<CommandResult> UpdateAsync(AccessScope scope, int id, long expectedVersion, FacilityInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, id, expectedVersion, AuditActions.Update, async (db, facility) =>
        {
            if (await ValidateAsync(db, input, id, cancellationToken) is { } invalid)
            {
                return invalid;
            }

            Apply(input, facility);
            return null;
        }, cancellationToken);

    public Task<CommandResult> SetActiveAsync(AccessScope scope, int id, long expectedVersion, bool active, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, id, expectedVersion, active ? AuditActions.Reactivate : AuditActions.Deactivate, (_, facility) =>
        {
            facility.IsActive = active;
            return Task.FromResult<CommandResult?>(null);
        }, cancellationToken);

    private async Task<CommandResult> ChangeAsync(
        AccessScope scope, int id, long expectedVersion, string action,
        Func<DashboardDbContext, Facility, Task<CommandResult?>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var facility = await db.For(scope).Facilities.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (facility is null || !scope.IsAdmin)
        {
            var exists = await db.Facilities.AnyAsync(f => f.Id == id, cancellationToken);
            if (exists)
            {
                await audit.RecordDeniedAsync(scope, nameof(Facility), id, action, cancellationToken);
            }

            return facility is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        return await AuditedChange.SaveAsync(db, audit, scope, facility, expectedVersion, action, nameof(Facility), id, Snapshot,
            f => change(db, f), cancellationToken);
    }

    private static async Task<CommandResult?> ValidateAsync(DashboardDbContext db, FacilityInput input, int? excludeId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.Code), input.Code, 40);
        errors.RequireText(nameof(input.Name), InputText.Line(input.Name), 200);
        ContactRules.CheckPhone(nameof(input.ContactPhone), InputText.Code(input.ContactPhone), errors);

        errors.LimitLength(nameof(input.Address), InputText.Line(input.Address), 300);

        if (!await db.Regions.AnyAsync(r => r.Id == input.RegionId, cancellationToken))
        {
            errors.Add(nameof(input.RegionId), UnknownRegion);
        }

        var code = input.Code?.Trim() ?? "";
        if (code.Length > 0 && await db.Facilities.AnyAsync(f => f.Code == code && f.Id != excludeId, cancellationToken))
        {
            errors.Add(nameof(input.Code), CodeTaken);
        }

        return errors.Any ? CommandResult.Invalid(errors.ToDictionary()) : null;
    }

    private static void Apply(FacilityInput input, Facility facility)
    {
        facility.RegionId = input.RegionId;
        facility.Code = input.Code.Trim();
        facility.Name = InputText.Line(input.Name);
        facility.Kind = input.Kind;
        facility.ContactPhone = InputText.CodeOrNull(input.ContactPhone);
        facility.Address = InputText.LineOrNull(input.Address);
    }

    private static object Snapshot(Facility f) => new { f.Code, f.Name, f.Kind, f.RegionId, f.ContactPhone, f.Address, f.IsActive };

    private static IQueryable<FacilityRow> Project(IQueryable<Facility> query) => query.Select(f => new FacilityRow(
        f.Id, f.Code, f.Name, f.Kind, f.RegionId, f.Region!.Code, new LocalizedText(f.Region.NameZh, f.Region.NameEn),
        f.ContactPhone, f.Address, f.IsActive, f.Version));
}
