namespace Dashboard.Core.ApiKeys;

/// <summary>A key as the facility page lists it: never its secret.</summary>
public sealed record ApiKeyRow(
    int Id, string KeyId, string Name, string CreatedByName, DateTime CreatedUtc, DateTime? LastUsedUtc, DateTime? RevokedUtc, string? RevokedByName)
{
    public bool IsRevoked => RevokedUtc is not null;
}

/// <summary>A new key: the whole token, to show once.</summary>
public sealed record NewApiKey(int Id, string Token);

/// <summary>
/// The caller behind an accepted key: the facility it acts for, as that facility's billing desk.
/// </summary>
public sealed record ApiKeyCaller(int ApiKeyId, string KeyId, string Name, int FacilityId, int RegionId)
{
    /// <summary>How the key shows in the audit trail and as the enterer of its records.</summary>
    public string UserId => "api-key:" + KeyId;

    public string UserName => $"{Name} (API {KeyId})";

    public AccessScope ScopeFor(string? clientAddress) =>
        new(UserId, UserName, Accounts.UserRole.BillingDesk, FacilityId, new HashSet<int> { RegionId }, clientAddress);
}

/// <summary>Why a key was not accepted.</summary>
public enum ApiKeyRefusal
{
    /// <summary>No key was sent.</summary>
    Missing,
    /// <summary>Something was sent that is not shaped like a key.</summary>
    Malformed,
    /// <summary>No key has this id, or the secret does not match.</summary>
    Unknown,
    Revoked,
    /// <summary>The key is for another facility than the one addressed.</summary>
    WrongFacility,
    RateLimited,
}
