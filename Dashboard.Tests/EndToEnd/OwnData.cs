using Dashboard.Core.Accounts;
using Dashboard.Core.Facilities;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Accounts and facilities a browser test makes for itself, seeded through the app's services: the demo
/// accounts, the demo facilities and the demo plans are shared by every browser test of the app, so a test
/// that changes a password, counts a facility's backlog or moves a milestone uses its own.
/// </summary>
internal static class OwnData
{
    private static int _next;

    /// <summary>A name no other test uses in this run, e.g. "pw-3".</summary>
    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}";

    /// <summary>A manager of no region, with the given password.</summary>
    public static Task<DemoAccounts.DemoAccount> ManagerAsync(this BrowserFixture browser, string displayName, string password) =>
        browser.App.Services.AccountAsync(UserRole.Manager, displayName, password, facilityId: null);

    /// <summary>A second administrator: someone other than the demo accounts, to make changes the demo accounts watch.</summary>
    public static Task<DemoAccounts.DemoAccount> AdminAsync(this BrowserFixture browser, string displayName) =>
        browser.App.Services.AccountAsync(UserRole.Admin, displayName, "Own-admin-2026", facilityId: null);

    /// <summary>A region of the test's own, copied from 合肥 with its system stop at <paramref name="localStop"/>; returns its code.</summary>
    public static async Task<string> PlanAsync(this BrowserFixture browser, string nameZh, string localStop)
    {
        using var scope = browser.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var adminId = await db.Users.Where(u => u.UserName == DemoAccounts.Admin.UserName).Select(u => u.Id).SingleAsync();
        var admin = (await services.GetRequiredService<Dashboard.Core.Access.AccessScopeResolver>().ResolveAsync(adminId, null))!;
        var code = Unique("e2e").ToLowerInvariant();
        var created = await NewPlans.CreateAsync(services, admin, "hefei", code, nameZh, nameZh, localStop);
        Assert.True(created.Result.Succeeded);
        return code;
    }

    /// <summary>A billing desk of <paramref name="facilityId"/>.</summary>
    public static Task<DemoAccounts.DemoAccount> DeskAsync(this BrowserFixture browser, int facilityId, string displayName) =>
        browser.App.Services.DeskAsync(facilityId, displayName);

    /// <summary>A billing desk of <paramref name="facilityId"/>, made through one app's services (of several nodes, any).</summary>
    public static Task<DemoAccounts.DemoAccount> DeskAsync(this IServiceProvider services, int facilityId, string displayName) =>
        services.AccountAsync(UserRole.BillingDesk, displayName, "Own-desk-2026", facilityId);

    /// <summary>A new hospital in a seeded region; returns its id.</summary>
    public static Task<int> FacilityAsync(this BrowserFixture browser, string regionCode, string name) =>
        browser.App.Services.FacilityAsync(regionCode, name);

    /// <summary>A new hospital in a seeded region, made through one app's services; returns its id.</summary>
    public static async Task<int> FacilityAsync(this IServiceProvider services, string regionCode, string name)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var region = await db.Regions.SingleAsync(r => r.Code == regionCode);
        var facility = new Facility { RegionId = region.Id, Code = Unique("E2E"), Name = name, Kind = FacilityKind.Hospital, ContactPhone = "0551-62000000" };
        db.Facilities.Add(facility);
        await db.SaveChangesAsync();
        return facility.Id;
    }

    private static async Task<DemoAccounts.DemoAccount> AccountAsync(
        this IServiceProvider services, UserRole role, string displayName, string password, int? facilityId)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var userName = Unique(role.ToString().ToLowerInvariant());
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, Role = role, FacilityId = facilityId, CreatedUtc = now };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new DemoAccounts.DemoAccount(userName, password, role, displayName);
    }
}
