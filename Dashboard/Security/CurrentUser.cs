using System.Security.Claims;
using Dashboard.Core.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Security;

/// <summary>
/// The signed-in user of this circuit, as an access scope resolved from the database on each use.
/// The client address is captured from the HTTP request that started the circuit.
/// </summary>
internal sealed class CurrentUser(AuthenticationStateProvider authentication, AccessScopeResolver resolver)
{
    public string? ClientAddress { get; set; }

    /// <summary>The scope, or null for an anonymous or disabled user.</summary>
    public async Task<AccessScope?> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await ScopeOf(resolver, state.User, ClientAddress, cancellationToken);
    }

    public static Task<AccessScope?> ScopeOf(AccessScopeResolver resolver, ClaimsPrincipal principal, string? clientAddress, CancellationToken cancellationToken) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? resolver.ResolveAsync(userId, clientAddress, cancellationToken)
            : Task.FromResult<AccessScope?>(null);
}
