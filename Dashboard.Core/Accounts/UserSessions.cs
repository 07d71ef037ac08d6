using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Accounts;

/// <summary>
/// Decides on every request whether a sign-in cookie still stands: its session was not signed out,
/// and the account is enabled with the same security stamp (a new password, a reset, a role change,
/// disabling and "sign out everywhere" all change the stamp and so end every session of the user).
/// One indexed SQLite read per request: cheap, and nothing a copied cookie can outlive.
/// </summary>
public sealed class UserSessions(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>The claim that names one sign-in, so signing out can end that one and no other.</summary>
    public const string SessionClaim = "dashboard_session";

    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    /// <summary>The session's standing, or null if the cookie must be refused.</summary>
    public async Task<SessionState?> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = identity.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } userId ||
            principal.FindFirstValue(claims.SecurityStampClaimType) is not { } stamp ||
            principal.FindFirstValue(SessionClaim) is not { } sessionId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.SecurityStamp == stamp && !u.IsDisabled)
            .Select(u => new { u.MustChangePassword, Revoked = db.RevokedSessions.Any(s => s.Id == sessionId) })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null || found.Revoked ? null : new SessionState(found.MustChangePassword);
    }

    /// <summary>
    /// Ends this one session: a copy of its cookie is refused from now on. Remembered for
    /// <paramref name="cookieLifetime"/>, after which every cookie of the session has expired anyway.
    /// </summary>
    public async Task RevokeAsync(ClaimsPrincipal principal, TimeSpan cookieLifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(SessionClaim) is not { Length: <= RevokedSession.IdLength } sessionId)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.RevokedSessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(cancellationToken);
        if (!await db.RevokedSessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            db.RevokedSessions.Add(new RevokedSession { Id = sessionId, ExpiresUtc = now + cookieLifetime });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>A standing session; <paramref name="MustChangePassword"/> confines it to the change-password page.</summary>
public sealed record SessionState(bool MustChangePassword);
