using System.Security.Claims;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dashboard.Security;

internal static class AccountEndpoints
{
    /// <summary>
    /// <c>POST /account/logout</c> from the user menu's forms (antiforgery-checked), audited. Signing out
    /// ends this session on the server, so a copy of its cookie is refused afterwards; with
    /// <c>everywhere</c> it ends every session of the user (a new security stamp).
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (
            ClaimsPrincipal user, HttpContext context, SignInManager<ApplicationUser> signIn, UserSessions sessions, AuditTrail audit,
            IOptionsMonitor<CookieAuthenticationOptions> cookies, [FromForm] string? returnUrl, [FromForm] bool? everywhere) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                var cookieLifetime = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
                await sessions.RevokeAsync(user, cookieLifetime, context.RequestAborted);
                if (everywhere == true && await signIn.UserManager.GetUserAsync(user) is { } account)
                {
                    await signIn.UserManager.UpdateSecurityStampAsync(account);
                }

                await audit.RecordAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", user.FindFirstValue(ClaimTypes.Role),
                    context.Connection.RemoteIpAddress?.ToString(), everywhere == true ? AuditActions.SignOutEverywhere : AuditActions.SignOut);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl));
        });
    }
}
