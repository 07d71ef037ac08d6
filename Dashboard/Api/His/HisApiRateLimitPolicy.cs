using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Core.ApiKeys;
using Dashboard.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Api.His;

/// <summary>
/// A token bucket per key (ASP.NET Core's rate limiter): a hospital system may send a burst, then a
/// steady rate. The key is checked before the limiter runs (<see cref="HisApiPipeline"/>), so one key's
/// traffic cannot use up another's; requests without a valid key share a bucket per client address.
/// A refusal is 429 with Retry-After, as problem details, and audited.
/// </summary>
internal sealed class HisApiRateLimitPolicy(IOptions<HisApiOptions> options, ApiRequestAudit audit, HisApiProblems problems) : IRateLimiterPolicy<string>
{
    public const string Name = "his-api";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var partition = httpContext.Features.Get<ApiKeyCaller>() is { } caller
            ? "key:" + caller.KeyId
            : "address:" + Core.Accounts.SignInThrottle.ClientKey(httpContext.Connection.RemoteIpAddress);
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.BurstLimit,
            TokensPerPeriod = options.Value.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(options.Value.ReplenishSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.Value.ReplenishSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await audit.RecordRefusalAsync(ApiKeyRefusal.RateLimited, context.Features.Get<ApiKeyCaller>(), null, context.Request.Method, context.Request.Path,
            context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        await problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "HisApi_RefusedRateLimited", seconds);
    }
}
