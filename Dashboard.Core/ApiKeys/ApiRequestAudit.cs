namespace Dashboard.Core.ApiKeys;

/// <summary>
/// One audit row per refused API request: why, the method and path, the key's public id when one was
/// presented (never the secret), and the client address.
/// </summary>
public sealed class ApiRequestAudit(AuditTrail audit)
{
    public const string EntityType = "ApiRequest";

    public Task RecordRefusalAsync(
        ApiKeyRefusal refusal, ApiKeyCaller? caller, string? keyId, string method, string path, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var details = new { refusal, method, path = path.Length <= 200 ? path : path[..200], keyId = caller?.KeyId ?? keyId };
        return caller is null
            ? audit.RecordAsync(null, keyId is null ? "API" : $"API {keyId}", null, clientAddress, AuditActions.ApiRequestRefused, EntityType,
                keyId, details, cancellationToken)
            : audit.RecordAsync(caller.UserId, caller.UserName, nameof(Accounts.UserRole.BillingDesk), clientAddress, AuditActions.ApiRequestRefused,
                EntityType, caller.KeyId, details, cancellationToken);
    }
}
