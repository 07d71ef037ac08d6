namespace Dashboard.Core.ApiKeys;

/// <summary>
/// Administrators make and revoke a facility's API keys on its page. The secret leaves here once, in
/// <see cref="NewApiKey.Token"/>; the audit trail records the key's id and name, never the secret or its hash.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<DashboardDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    public const int NameMaxLength = 100;

    /// <summary>The facility does not exist or is deactivated.</summary>
    public const string FacilityUnavailable = "ApiKeys_FacilityUnavailable";

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(AccessScope scope, int facilityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsAdmin)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().Where(k => k.FacilityId == facilityId)
            .OrderBy(k => k.RevokedUtc != null).ThenByDescending(k => k.CreatedUtc)
            .Select(k => new ApiKeyRow(k.Id, k.KeyId, k.Name, k.CreatedByName, k.CreatedUtc, k.LastUsedUtc, k.RevokedUtc, k.RevokedByName))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult<NewApiKey>> CreateAsync(AccessScope scope, int facilityId, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, nameof(ApiKey), "new", "create", cancellationToken);
            return CommandResult.Forbidden();
        }

        var errors = new ValidationErrors();
        var cleanName = InputText.Line(name);
        errors.RequireText(nameof(ApiKey.Name), cleanName, NameMaxLength);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.For(scope).Facilities.AnyAsync(f => f.Id == facilityId && f.IsActive, cancellationToken))
        {
            errors.Add(nameof(ApiKey.FacilityId), FacilityUnavailable);
        }

        if (errors.Any)
        {
            return CommandResult.Invalid(errors.ToDictionary());
        }

        var token = ApiKeyToken.New();
        var key = new ApiKey
        {
            KeyId = token.KeyId, SecretHash = token.SecretHash(), Name = cleanName, FacilityId = facilityId,
            CreatedByUserId = scope.UserId, CreatedByName = scope.UserName, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var id = await AuditedChange.InsertAsync(db, audit, scope, key, nameof(ApiKey), k => k.Id, Snapshot, cancellationToken);
        return new CommandResult<NewApiKey>(CommandResult.Ok(), new NewApiKey(id, token.ToString()));
    }

    /// <summary>Refused from the next request on; the key stays listed as revoked.</summary>
    public async Task<CommandResult> RevokeAsync(AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || !scope.IsAdmin)
        {
            if (key is not null)
            {
                await audit.RecordDeniedAsync(scope, nameof(ApiKey), id, AuditActions.Revoke, cancellationToken);
            }

            return key is null ? CommandResult.NotFound() : CommandResult.Forbidden();
        }

        if (key.RevokedUtc is not null)
        {
            return CommandResult.Ok();
        }

        var before = Snapshot(key);
        key.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        key.RevokedByName = scope.UserName;
        audit.Add(db, scope, AuditActions.Revoke, nameof(ApiKey), id, before, Snapshot(key));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok();
    }

    private static object Snapshot(ApiKey key) => new { key.KeyId, key.Name, key.FacilityId, key.RevokedUtc };
}
