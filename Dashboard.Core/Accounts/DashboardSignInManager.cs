using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Accounts;

/// <summary>
/// A disabled user cannot sign in, whatever their password. Every sign-in (and every refresh of the
/// cookie after a password change) starts a session of its own, named in the cookie, so that signing
/// out can end exactly that session (<see cref="UserSessions"/>).
/// </summary>
public sealed class DashboardSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(additionalClaims);
        var claims = additionalClaims.Where(c => c.Type != UserSessions.SessionClaim).Append(new Claim(UserSessions.SessionClaim, UserSessions.NewSessionId()));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
