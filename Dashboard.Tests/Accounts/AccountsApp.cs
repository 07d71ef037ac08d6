using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// The app over HTTP for the account tests, where each request may say its client address. Each test
/// makes its own users, so tests that end sessions or fail sign-ins do not touch each other's.
/// </summary>
public sealed class AccountsApp : IDisposable
{
    private readonly DashboardAppFactory _factory;

    public AccountsApp()
    {
        _factory = new DashboardAppFactory(Clock);
        App = _factory.WithWebHostBuilder(builder => builder.WithClientAddresses());
    }

    public FakeTimeProvider Clock { get; } = new(TestClocks.FirstStart);

    public WebApplicationFactory<Program> App { get; }

    public IServiceProvider Services => App.Services;

    public HttpClient NewClient(string address = "198.51.100.7") =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).From(address);

    /// <summary>A client that keeps no cookies: it sends the one it was given, as someone who copied it would.</summary>
    public HttpClient ClientWithCookie(string cookie, string address = "203.0.113.66")
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).From(address);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A supervisor of every region with a password of their own (not one they must change).</summary>
    public async Task<string> CreateSupervisorAsync(string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "sup-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "督导", Role = UserRole.Supervisor };
        user.Regions.AddRange(await db.Regions.Select(r => new UserRegion { UserId = user.Id, RegionId = r.Id }).ToListAsync());
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Code)));
        return user.UserName;
    }

    public async Task<AccessScope> ScopeOfAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(user!.Id, "198.51.100.1"))!;
    }

    public async Task<UserRow> RowAsync(string userName) =>
        (await Services.GetRequiredService<UserAdminService>().ListAsync(await ScopeOfAsync("demo-admin")))!.Single(u => u.UserName == userName);

    public async Task<int> CountAuditAsync(string action, string userName)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(a => a.Action == action && a.UserName == userName);
    }

    public void Dispose() => _factory.Dispose();
}
