using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Components.Pages.Board;
using Dashboard.Core.Access;
using Dashboard.Core.Persistence;
using Dashboard.Security;
using Dashboard.Tests.Components;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Board;

/// <summary>Board pages rendered for a signed-in demo account, over the seeded database, with the tests' clock.</summary>
public abstract class BoardTestContext : ComponentTestContext
{
    private readonly BunitAuthorizationContext _auth;

    protected BoardTestContext()
        : base(TestClocks.FirstStart)
    {
        _auth = AddAuthorization();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton<BoardCardHtml>();
    }

    protected async Task<AccessScope> SignInAsync(string userName, string role = "Supervisor")
    {
        var scope = await ScopeOfAsync(userName);
        _auth.SetAuthorized(userName);
        _auth.SetRoles(role);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, scope.UserId));
        return scope;
    }

    /// <summary>Another person's scope, to act as them while the signed-in one watches.</summary>
    protected async Task<AccessScope> ScopeOfAsync(string userName)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var id = db.Users.Single(u => u.UserName == userName).Id;
        return (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(id, null))!;
    }

    protected Task<AccessScope> DeskAsync() => ScopeOfAsync("desk");
}
