namespace Dashboard.Core.ApiKeys;

/// <summary>
/// A facility's key for its hospital system (HIS) to call the HTTP API as the facility's billing desk.
/// Only the public <see cref="KeyId"/> and a SHA-256 of the secret are kept; the key itself is shown
/// once, when it is made. Revoked, never deleted.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }

    /// <summary>The key's public part (<see cref="ApiKeyToken"/>), for looking it up; unique.</summary>
    public required string KeyId { get; set; }

    /// <summary>SHA-256 of the secret part.</summary>
    public required byte[] SecretHash { get; set; }

    public required string Name { get; set; }

    public int FacilityId { get; set; }

    public Facility? Facility { get; set; }

    public required string CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The last accepted request, kept to the minute (<see cref="ApiKeyAuthenticator.LastUsedResolution"/>).</summary>
    public DateTime? LastUsedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevokedByName { get; set; }
}
