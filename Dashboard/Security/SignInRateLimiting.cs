using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Security;

/// <summary>
/// ASP.NET Core's rate limiter on the login form's POST, per client address and per address and user
/// name: a cap on how many passwords one address can have hashed (each costs the server real CPU),
/// beyond what a person or a desk shared by a shift would ever send. Refusals are 429 with the same
/// text for every name, so they tell nothing about accounts. The slower, per-failure limits are
/// <see cref="SignInThrottle"/>'s.
/// </summary>
internal static class SignInRateLimiting
{
    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>()
            .BindConfiguration(SignInRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInRateLimitOptions>>((options, limits) =>
        {
            var window = TimeSpan.FromSeconds(limits.Value.WindowSeconds);
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLoginPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => Window(limits.Value.PerAddress, window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLoginPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context) + "\n" + UserName(context), _ => Window(limits.Value.PerAddressAndUserName, window))
                    : RateLimitPartition.GetNoLimiter("")));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()["Login_TooManyRequests"];
                await response.WriteAsync(text, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// Reads the login form first (asynchronously; the page reads the same buffered form later), so
    /// the limiter can partition by the user name typed into it.
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLoginPost(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsLoginPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(AuthenticationSetup.LoginPath, StringComparison.OrdinalIgnoreCase);

    private static string ClientKey(HttpContext context) => SignInThrottle.ClientKey(context.Connection.RemoteIpAddress);

    private static string UserName(HttpContext context) =>
        context.Request.HasFormContentType ? context.Request.Form["Input.UserName"].ToString().Trim().ToUpperInvariant() : "";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>Settings of the "Dashboard:SignInRateLimit" section: login POSTs allowed per window.</summary>
internal sealed class SignInRateLimitOptions
{
    public const string SectionName = "Dashboard:SignInRateLimit";

    /// <summary>From one client address (a hospital's desks may share one).</summary>
    [Range(1, 100_000)]
    public int PerAddress { get; set; } = 60;

    /// <summary>From one client address for one user name.</summary>
    [Range(1, 100_000)]
    public int PerAddressAndUserName { get; set; } = 20;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
