using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Audit;

/// <summary>
/// Writes audit events. <see cref="Add"/> puts the event into the caller's context so it is saved
/// in the same transaction as the change it records.
/// </summary>
public sealed partial class AuditTrail(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, ILogger<AuditTrail> logger)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Adds an event for a change the caller is about to save.</summary>
    public AuditEvent Add(DashboardDbContext db, AccessScope scope, string action, string entityType, object entityId, object? before = null, object? after = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = NewEvent(scope, action, entityType, entityId, before, after);
        db.AuditEvents.Add(entry);
        return entry;
    }

    /// <summary>The event <see cref="Add"/> would add, for a caller that writes it itself in its own transaction (the bulk intake).</summary>
    public AuditEvent NewEvent(AccessScope scope, string action, string entityType, object entityId, object? before = null, object? after = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Create(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, action, entityType, entityId?.ToString(), before, after);
    }

    /// <summary>Records an event that goes with no other change (sign-ins, denials, reveals).</summary>
    public async Task RecordAsync(
        string? userId, string userName, string? role, string? clientAddress, string action,
        string? entityType = null, string? entityId = null, object? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(Create(userId, userName, role, clientAddress, action, entityType, entityId, null, details));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Someone addressed a record outside their scope: nothing changes, it is logged and audited.</summary>
    public async Task RecordDeniedAsync(AccessScope scope, string entityType, object entityId, string attempted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        LogDenied(logger, scope.UserName, scope.Role.ToString(), attempted, entityType, entityId.ToString() ?? "");
        await RecordAttemptAsync(scope, AuditActions.AuthorizationFailed, entityType, entityId, attempted, cancellationToken);
    }

    /// <summary>
    /// Someone addressed a record that does not exist: nothing to refuse, but a run of these is
    /// someone guessing ids, so it is audited like a refusal (as its own action, to tell the two apart).
    /// </summary>
    public async Task RecordMissingAsync(AccessScope scope, string entityType, object entityId, string attempted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        LogMissing(logger, scope.UserName, scope.Role.ToString(), attempted, entityType, entityId.ToString() ?? "");
        await RecordAttemptAsync(scope, AuditActions.NotFound, entityType, entityId, attempted, cancellationToken);
    }

    private Task RecordAttemptAsync(AccessScope scope, string action, string entityType, object entityId, string attempted, CancellationToken cancellationToken) =>
        RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, action, entityType, entityId.ToString() ?? "", new { attempted }, cancellationToken);

    private AuditEvent Create(
        string? userId, string userName, string? role, string? clientAddress, string action,
        string? entityType, string? entityId, object? before, object? after) => new()
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = userName,
            Role = role,
            ClientAddress = clientAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, Json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, Json),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorization failed: {UserName} ({Role}) tried to {Attempted} {EntityType} {EntityId} outside their scope")]
    private static partial void LogDenied(ILogger logger, string userName, string role, string attempted, string entityType, string entityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not found: {UserName} ({Role}) tried to {Attempted} {EntityType} {EntityId}, which does not exist")]
    private static partial void LogMissing(ILogger logger, string userName, string role, string attempted, string entityType, string entityId);
}
