using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Api.His;

/// <summary>
/// The HIS API's authentication: <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>,
/// checked against the database on every request. Not the default scheme, so it never signs anyone
/// into the UI; the API's endpoints ask for this scheme alone, so a sign-in cookie does not apply there.
/// A refusal is audited once, when the request is answered 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyAuthenticator keys, ApiRequestAudit audit, HisApiProblems problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    private ApiKeyRefusal? _refusal;
    private string? _keyId;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (caller, refusal, keyId) = await keys.AuthenticateAsync(Presented(Request), Context.RequestAborted);
        (_refusal, _keyId) = (refusal, keyId);
        if (caller is null)
        {
            return refusal == ApiKeyRefusal.Missing ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(refusal.ToString()!);
        }

        Context.Features.Set(caller);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, caller.UserName), new Claim("api_key_id", caller.KeyId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = _refusal ?? ApiKeyRefusal.Missing;
        await audit.RecordRefusalAsync(refusal, null, _keyId, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        Response.Headers.WWWAuthenticate = "Bearer realm=\"cutover-dashboard\"";
        await problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, $"HisApi_Refused{refusal}");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status403Forbidden);

    /// <summary>The key as sent, from either header; null if neither is there.</summary>
    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim()
            : authorization.Length > 0 ? authorization : null;
    }
}
