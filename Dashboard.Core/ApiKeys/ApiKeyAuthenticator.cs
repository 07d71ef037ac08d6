namespace Dashboard.Core.ApiKeys;

/// <summary>
/// Checks a presented key against the database on every request (one lookup by the key's public id),
/// so a revoked key is refused from the next request on. Refusals are audited by <see cref="ApiRequestAudit"/>.
/// </summary>
public sealed class ApiKeyAuthenticator(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The last-used time is written at most once a minute per key: a busy HIS would otherwise write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The caller behind <paramref name="presented"/>, or why not; <c>KeyId</c> is the presented id when it was shaped like one.</summary>
    public async Task<(ApiKeyCaller? Caller, ApiKeyRefusal? Refusal, string? KeyId)> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return (null, ApiKeyRefusal.Missing, null);
        }

        if (ApiKeyToken.Parse(presented) is not { } token)
        {
            return (null, ApiKeyRefusal.Malformed, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.KeyId == token.KeyId)
            .Select(k => new { k.Id, k.KeyId, k.Name, k.SecretHash, k.FacilityId, k.Facility!.RegionId, k.RevokedUtc, k.LastUsedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null || !token.Matches(key.SecretHash))
        {
            return (null, ApiKeyRefusal.Unknown, token.KeyId);
        }

        if (key.RevokedUtc is not null)
        {
            return (null, ApiKeyRefusal.Revoked, token.KeyId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedUtc is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedUtc, now), cancellationToken);
        }

        return (new ApiKeyCaller(key.Id, key.KeyId, key.Name, key.FacilityId, key.RegionId), null, token.KeyId);
    }
}
