using System.Text.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Drafts;

public sealed record Draft<T>(T Value, DateTime UpdatedUtc);

/// <summary>Saves and restores a user's unsaved form input. Drafts belong to their user only.</summary>
public sealed class DraftService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public async Task SaveAsync<T>(AccessScope scope, string formKey, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.FormDrafts.FirstOrDefaultAsync(d => d.UserId == scope.UserId && d.FormKey == formKey, cancellationToken);
        if (draft is null)
        {
            draft = new FormDraft { UserId = scope.UserId, FormKey = formKey, Json = "" };
            db.FormDrafts.Add(draft);
        }

        draft.Json = JsonSerializer.Serialize(value);
        draft.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Draft<T>?> LoadAsync<T>(AccessScope scope, string formKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.FormDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == scope.UserId && d.FormKey == formKey, cancellationToken);
        return draft is null || JsonSerializer.Deserialize<T>(draft.Json) is not { } value ? null : new Draft<T>(value, draft.UpdatedUtc);
    }

    /// <summary>Drops the draft once its content is saved as a record, or when the user discards it.</summary>
    public async Task DiscardAsync(AccessScope scope, string formKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.FormDrafts.Where(d => d.UserId == scope.UserId && d.FormKey == formKey).ExecuteDeleteAsync(cancellationToken);
    }
}
