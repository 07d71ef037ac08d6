using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dashboard.Security;

/// <summary>
/// Settings of the "Transport" configuration section: the reverse proxies whose forwarded headers
/// are believed, and where plain HTTP is sent outside Development.
/// </summary>
public sealed class TransportOptions
{
    public const string SectionName = "Transport";

    /// <summary>Addresses of the TLS reverse proxies (e.g. "10.0.0.5"). Loopback is always trusted.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of the reverse proxies in CIDR form (e.g. "10.0.0.0/24").</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>The HTTPS port plain HTTP is redirected to outside Development.</summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>
    /// Outside Development: redirect to HTTPS, send HSTS, mark every cookie Secure. Off only to measure
    /// a published app over loopback HTTP or on a closed test network without patient data.
    /// </summary>
    public bool RequireHttps { get; set; } = true;
}

/// <summary>
/// Outside Development every request is HTTPS (redirected if not) and every cookie is Secure;
/// behind a TLS reverse proxy, the proxy's X-Forwarded-For and X-Forwarded-Proto give the client's
/// address (for the audit and the rate limits) and scheme, but only from the proxies configured.
/// </summary>
internal static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services)
    {
        services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.SectionName)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Transport:KnownProxies must list IP addresses, e.g. \"10.0.0.5\".")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Transport:KnownNetworks must list networks in CIDR form, e.g. \"10.0.0.0/24\".")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<TransportOptions>>((forwarded, transport) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front: the address it saw is the client's; anything further left is the client's own claim.
            forwarded.ForwardLimit = 1;
            foreach (var proxy in transport.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in transport.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>().Configure<Microsoft.Extensions.Options.IOptions<TransportOptions>>(
            (redirect, transport) => redirect.HttpsPort = transport.Value.HttpsPort);
        services.AddOptions<CookiePolicyOptions>().Configure<IWebHostEnvironment, Microsoft.Extensions.Options.IOptions<TransportOptions>>((cookies, environment, transport) =>
        {
            cookies.Secure = RequiresHttps(environment, transport.Value) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookies.HttpOnly = HttpOnlyPolicy.None;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (RequiresHttps(app.Environment, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TransportOptions>>().Value))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        return app;
    }

    private static bool RequiresHttps(IWebHostEnvironment environment, TransportOptions transport) =>
        !environment.IsDevelopment() && transport.RequireHttps;
}
