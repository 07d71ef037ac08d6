using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Dashboard.Security;

/// <summary>
/// Audits a signed-in user refused by an endpoint's own authorization (a desk opening /admin/users
/// or /board, a role-restricted API), then answers as usual (the redirect to /account/denied, or
/// 403 for the API). A page's [Authorize] is checked here on the HTTP request, before anything
/// renders, so one visit is one row; navigation inside a running circuit never reaches this and
/// is audited by <see cref="Components.Shared.PageRefusalAudit"/> instead.
/// </summary>
internal sealed class AuditedAuthorizationResultHandler(AuditTrail audit, AccessScopeResolver scopes) : IAuthorizationMiddlewareResultHandler
{
    public const string PageEntity = "Page";

    public const string EndpointEntity = "Endpoint";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
            await RecordAsync(context, userId, isPage ? PageEntity : EndpointEntity, context.Request.Path.Value ?? "/", roles);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private async Task RecordAsync(HttpContext context, string userId, string entityType, string path, IReadOnlyList<string> requiredRoles)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        var details = new { attempted = "open", path, requiredRoles };
        if (await scopes.ResolveAsync(userId, address, context.RequestAborted) is { } scope)
        {
            await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), address, AuditActions.AuthorizationFailed,
                entityType, PageRefusals.EntityIdOf(path), details, context.RequestAborted);
        }
        else
        {
            // A disabled or deleted account still holding a cookie: the claims are all there is.
            await audit.RecordAsync(userId, context.User.Identity?.Name ?? userId, context.User.FindFirstValue(ClaimTypes.Role), address,
                AuditActions.AuthorizationFailed, entityType, PageRefusals.EntityIdOf(path), details, context.RequestAborted);
        }
    }
}

/// <summary>How a refused page is named in the audit trail, for both ways of reaching it.</summary>
internal static class PageRefusals
{
    /// <summary>The path, cut to the column's length (a path can be long; the full one is in the details).</summary>
    public static string EntityIdOf(string path) => path.Length <= 60 ? path : path[..60];
}
