using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Seeding;
using Dashboard.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Access;

/// <summary>A circuit reads its user's scope once, and again as soon as an administrator changes the account.</summary>
public sealed class CurrentUserTests : SeededCoreTests
{
    private async Task<(CurrentUser User, string UserId)> CircuitOfAsync(string userName)
    {
        await using var db = Core.CreateDb();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (new CurrentUser(new SignedIn(id), Core.Get<AccessScopeResolver>(), Core.Get<AccountChanges>()), id);
    }

    [Fact]
    public async Task The_scope_is_read_once_per_circuit()
    {
        var (user, _) = await CircuitOfAsync(DemoAccounts.Supervisor.UserName);

        var first = await user.GetScopeAsync();
        var second = await user.GetScopeAsync();

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task An_account_disabled_by_an_administrator_loses_its_scope_in_an_open_circuit_at_once()
    {
        var (user, userId) = await CircuitOfAsync(DemoAccounts.Supervisor.UserName);
        var (other, _) = await CircuitOfAsync(DemoAccounts.Manager.UserName);
        Assert.NotNull(await user.GetScopeAsync());
        var managerScope = await other.GetScopeAsync();
        var admin = await Core.ScopeOf(DemoAccounts.Admin.UserName);
        var users = Core.Get<UserAdminService>();
        var row = (await users.ListAsync(admin))!.Single(u => u.Id == userId);

        Assert.True((await users.SetDisabledAsync(admin, userId, row.ConcurrencyStamp, disabled: true)).Succeeded);

        Assert.Null(await user.GetScopeAsync());
        Assert.Same(managerScope, await other.GetScopeAsync());
    }

    private sealed class SignedIn(string userId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"))));
    }
}
