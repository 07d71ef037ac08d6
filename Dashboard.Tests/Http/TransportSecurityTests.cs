using System.Net;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Http;

/// <summary>
/// Behind a TLS reverse proxy in production: plain HTTP is redirected, every cookie is Secure, and the
/// audit records the client's address that the configured proxy forwarded, never one a client claims.
/// </summary>
public sealed class TransportSecurityTests
{
    private const string AdminPassword = "Quartz-Lantern-2048";

    [Fact]
    public async Task Production_redirects_plain_http_to_https()
    {
        await using var factory = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart), "Production");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://cutover.example") });

        using var response = await client.GetAsync("/account/login?returnUrl=%2Fboard");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://cutover.example/account/login?returnUrl=%2Fboard", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Production_serves_plain_http_only_when_told_to_for_a_measurement()
    {
        await using var app = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart), "Production");
        var factory = app.WithWebHostBuilder(builder => builder.UseSetting("Transport:RequireHttps", "false"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://127.0.0.1") });

        using var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Production_marks_the_sign_in_antiforgery_and_culture_cookies_secure()
    {
        await using var app = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart), "Production");
        var factory = ProductionWithAdmin(app);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://cutover.example") });

        using var signIn = await client.PostLoginAsync(AccountSeeder.AdminUserName, AdminPassword);
        using var culture = await client.GetAsync("/culture/set?culture=en&redirectUri=/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = signIn.Headers.GetValues("Set-Cookie").Concat(culture.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("cutover.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_audit_records_the_client_address_the_configured_proxy_forwarded()
    {
        await using var app = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart));
        var factory = FromAddress(app, "10.0.0.5", knownProxy: "10.0.0.5");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://cutover.example") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.PostLoginAsync(DemoAccounts.Desk.UserName, "not-the-password");

        Assert.Equal("203.0.113.7", await LastSignInFailureAddressAsync(factory));
    }

    [Fact]
    public async Task A_forwarded_address_from_a_client_that_is_not_a_configured_proxy_is_ignored()
    {
        await using var app = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart));
        var factory = FromAddress(app, "198.51.100.9", knownProxy: "10.0.0.5");
        using var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.PostLoginAsync(DemoAccounts.Desk.UserName, "not-the-password");

        Assert.Equal("198.51.100.9", await LastSignInFailureAddressAsync(factory));
    }

    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_language_switch_with_a_foreign_return_address_goes_home_instead(string redirectUri)
    {
        await using var factory = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart));
        using var client = factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/culture/set?culture=en&redirectUri=" + redirectUri);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_in_with_a_foreign_return_address_lands_on_the_users_own_page()
    {
        await using var factory = new DashboardAppFactory(new FakeTimeProvider(TestClocks.FirstStart));
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(DemoAccounts.Supervisor.UserName, DemoAccounts.Supervisor.Password, "/%5Cevil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location?.Host);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }

    private static WebApplicationFactory<Program> ProductionWithAdmin(DashboardAppFactory app) =>
        app.WithWebHostBuilder(builder => builder.UseSetting("Dashboard:AdminPassword", AdminPassword));

    /// <summary>The app as reached from <paramref name="remoteAddress"/>, which TestServer leaves unset.</summary>
    private static WebApplicationFactory<Program> FromAddress(DashboardAppFactory app, string remoteAddress, string knownProxy) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Transport:KnownProxies:0", knownProxy);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remoteAddress))));
        });

    private static async Task<string?> LastSignInFailureAddressAsync(WebApplicationFactory<Program> factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.Action == AuditActions.SignInFailed).OrderBy(e => e.Id).Select(e => e.ClientAddress).LastAsync();
    }

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
