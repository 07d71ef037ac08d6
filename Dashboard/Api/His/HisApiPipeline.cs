using Dashboard.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace Dashboard.Api.His;

/// <summary>
/// Wires the HIS API (<c>/api/v1</c>) into the app: its key scheme, its rate limit, its OpenAPI
/// document, and a middleware that makes every answer under the prefix problem details (the UI's
/// status pages and error page are HTML) and checks the key before the rate limiter partitions by it.
/// Design: docs/adr/0011-his-api.md.
/// </summary>
internal static partial class HisApiPipeline
{
    public const string Prefix = "/api/v1";

    public static readonly AuthorizationPolicy KeyPolicy =
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();

    public static IServiceCollection AddHisApi(this IServiceCollection services)
    {
        services.AddOptions<HisApiOptions>().BindConfiguration(HisApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HisApiProblems>();
        services.AddSingleton<HisApiBody>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
            ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<RateLimiterOptions>().Configure(options => options.AddPolicy<string, HisApiRateLimitPolicy>(HisApiRateLimitPolicy.Name));
        services.AddHisApiDocument();
        return services;
    }

    public static bool IsApiPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Before the rate limiter and after the status pages, which it turns off for the API.</summary>
    public static IApplicationBuilder UseHisApi(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApiPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        context.Response.Headers.CacheControl = "no-store";
        await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        var problems = context.RequestServices.GetRequiredService<HisApiProblems>();
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HisApiPipeline)), exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await problems.WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }

        // An unmatched path or method (404, 405) has no body yet: give it one.
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null)
        {
            await problems.WriteAsync(context, context.Response.StatusCode);
        }
    });

    [LoggerMessage(Level = LogLevel.Error, Message = "HIS API request {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
