using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Drafts;

public sealed record Draft<T>(T Value, DateTime UpdatedUtc);

/// <summary>An unsaved entry of the user's, e.g. from a tab they closed, offered for resuming.</summary>
public sealed record DraftSummary(string FormKey, string? PatientName, DateTime UpdatedUtc);

/// <summary>
/// Saves and restores a user's unsaved form input. Drafts belong to their user only, and one
/// draft belongs to one form instance (a browser tab's entry), so two tabs never share one.
/// A draft holds whatever was typed, full ID numbers and phones included, so it is kept only for
/// <see cref="Lifetime"/> after its last change: older ones are never offered again and
/// <see cref="DraftExpiry"/> deletes them.
/// </summary>
public sealed class DraftService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, IOptions<DashboardOptions> options)
{
    /// <summary>How long a draft is kept after its last change (<c>Dashboard:DraftLifetimeDays</c>).</summary>
    public TimeSpan Lifetime => TimeSpan.FromDays(options.Value.DraftLifetimeDays);

    /// <summary>Drafts last changed before this instant have expired.</summary>
    public DateTime ExpiredBefore => clock.GetUtcNow().UtcDateTime - Lifetime;

    /// <summary>
    /// One statement that inserts or replaces, so two writers of the same draft (a double event,
    /// a save racing a discard) never fail on the unique key or on a row that just disappeared.
    /// </summary>
    public async Task SaveAsync<T>(AccessScope scope, string formKey, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var json = JsonSerializer.Serialize(value);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "FormDrafts" ("UserId", "FormKey", "Json", "UpdatedUtc") VALUES ({scope.UserId}, {formKey}, {json}, {now})
            ON CONFLICT ("UserId", "FormKey") DO UPDATE SET "Json" = excluded."Json", "UpdatedUtc" = excluded."UpdatedUtc"
            """,
            cancellationToken);
    }

    public async Task<Draft<T>?> LoadAsync<T>(AccessScope scope, string formKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var expiredBefore = ExpiredBefore;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.FormDrafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.UserId == scope.UserId && d.FormKey == formKey && d.UpdatedUtc >= expiredBefore, cancellationToken);
        return draft is null || JsonSerializer.Deserialize<T>(draft.Json) is not { } value ? null : new Draft<T>(value, draft.UpdatedUtc);
    }

    /// <summary>The user's drafts whose key starts with <paramref name="keyPrefix"/>, newest first.</summary>
    public async Task<IReadOnlyList<DraftSummary>> ListAsync(AccessScope scope, string keyPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var expiredBefore = ExpiredBefore;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var drafts = await db.FormDrafts.AsNoTracking()
            .Where(d => d.UserId == scope.UserId && d.FormKey.StartsWith(keyPrefix) && d.UpdatedUtc >= expiredBefore)
            .OrderByDescending(d => d.UpdatedUtc).Take(20)
            .ToListAsync(cancellationToken);
        return drafts.Select(d => new DraftSummary(d.FormKey, PatientNameOf(d.Json), d.UpdatedUtc)).ToList();
    }

    /// <summary>Drops the draft once its content is saved as a record, or when the user discards it.</summary>
    public async Task DiscardAsync(AccessScope scope, string formKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.FormDrafts.Where(d => d.UserId == scope.UserId && d.FormKey == formKey).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? PatientNameOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object &&
               document.RootElement.TryGetProperty("PatientName", out var name) && name.ValueKind == JsonValueKind.String &&
               name.GetString() is { Length: > 0 } text
            ? text
            : null;
    }
}
