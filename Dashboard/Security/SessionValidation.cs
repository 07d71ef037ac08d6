using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Security;

/// <summary>
/// Checks the sign-in cookie against the database on every request (<see cref="UserSessions"/>), in
/// place of Identity's stamp validator that looks only every 30 minutes: a signed-out session, a new
/// password or a disabled account ends the cookie at once. A user who must choose a new password is
/// kept on the change-password page.
/// </summary>
internal static class SessionValidation
{
    public const string ChangePasswordPath = "/account/password";

    private static readonly object MustChangePasswordKey = new();

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var state = context.Principal is { } principal ? await sessions.CheckAsync(principal, context.HttpContext.RequestAborted) : null;
        if (state is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.HttpContext.Items[MustChangePasswordKey] = state.MustChangePassword;
    }

    /// <summary>
    /// Until the user has replaced a password someone else knows, pages lead to the change-password
    /// page and API calls are forbidden. The account pages and static files stay reachable.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A status page re-executed for a refusal below passes: it is the refusal's body.
        if (context.Items[MustChangePasswordKey] is true && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (!IsAllowedBeforeChange(context.Request.Path))
            {
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.Redirect(ChangePasswordPath);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return;
            }
        }

        await next(context);
    });

    private static bool IsAllowedBeforeChange(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase) ||
        Path.HasExtension(path.Value);
}
