using System.Security.Claims;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Security;

internal static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c> from the user menu's form (antiforgery-checked), audited.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (ClaimsPrincipal user, HttpContext context, SignInManager<ApplicationUser> signIn, AuditTrail audit, [FromForm] string? returnUrl) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", user.FindFirstValue(ClaimTypes.Role),
                    context.Connection.RemoteIpAddress?.ToString(), AuditActions.SignOut);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl));
        });
    }
}
