using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Dashboard.Security;

/// <summary>
/// Re-checks a circuit's session every minute, as every HTTP request is checked: a signed-out session,
/// a disabled account, a new or reset password, a role change or "sign out everywhere" ends the open
/// circuit too (<see cref="UserSessions"/>).
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(ILoggerFactory loggerFactory, UserSessions sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await sessions.CheckAsync(authenticationState.User, cancellationToken) is { MustChangePassword: false };
}
