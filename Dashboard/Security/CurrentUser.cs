using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Security;

/// <summary>
/// The signed-in user of this circuit as an access scope: read from the database once per circuit,
/// and again only when an administrator changes the account (<see cref="AccountChanges"/>), so a new
/// role, facility or a disabled account takes effect at the user's next step. The client address
/// is captured from the HTTP request that started the circuit.
/// </summary>
internal sealed class CurrentUser : IDisposable
{
    private readonly AuthenticationStateProvider _authentication;
    private readonly AccessScopeResolver _resolver;
    private readonly AccountChanges _changes;
    private Task<AccessScope?>? _scope;

    public CurrentUser(AuthenticationStateProvider authentication, AccessScopeResolver resolver, AccountChanges changes)
    {
        (_authentication, _resolver, _changes) = (authentication, resolver, changes);
        _changes.Changed += OnAccountChanged;
    }

    public string? ClientAddress { get; set; }

    /// <summary>The scope, or null for an anonymous or disabled user.</summary>
    public Task<AccessScope?> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        var scope = _scope;
        if (scope is null || scope.IsFaulted || scope.IsCanceled)
        {
            _scope = scope = ResolveAsync(cancellationToken);
        }

        return scope;
    }

    public void Dispose() => _changes.Changed -= OnAccountChanged;

    public static Task<AccessScope?> ScopeOf(AccessScopeResolver resolver, ClaimsPrincipal principal, string? clientAddress, CancellationToken cancellationToken) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? resolver.ResolveAsync(userId, clientAddress, cancellationToken)
            : Task.FromResult<AccessScope?>(null);

    private async Task<AccessScope?> ResolveAsync(CancellationToken cancellationToken)
    {
        var state = await _authentication.GetAuthenticationStateAsync();
        return await ScopeOf(_resolver, state.User, ClientAddress, cancellationToken);
    }

    private void OnAccountChanged(string userId)
    {
        // Which user this circuit has is known only once resolved; dropping the cached scope of
        // another user's circuit costs one read, so drop on any change to a user we do not know.
        if (_scope is not { IsCompletedSuccessfully: true } resolved || resolved.Result is null || resolved.Result.UserId == userId)
        {
            _scope = null;
        }
    }
}
