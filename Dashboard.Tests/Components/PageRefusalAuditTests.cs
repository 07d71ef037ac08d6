using System.Security.Claims;
using Bunit;
using Dashboard.Components.Pages.Admin;
using Dashboard.Components.Pages.Board;
using Dashboard.Components.Shared;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>
/// A page refused inside a running circuit (a link followed, no HTTP request) is audited by the
/// router's NotAuthorized content, once per page; the prerender never audits (the HTTP request was
/// refused and audited before rendering, see AuditGapTests).
/// </summary>
public sealed class PageRefusalAuditTests : ComponentTestContext
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public PageRefusalAuditTests()
        : base(TestClocks.FirstStart)
    {
        _auth = AddAuthorization();
        Services.AddScoped<CurrentUser>();
    }

    private async Task SignInAsDeskAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var userId = db.Users.Single(u => u.UserName == DemoAccounts.Desk.UserName).Id;
        _auth.SetAuthorized(DemoAccounts.Desk.UserName);
        _auth.SetRoles("BillingDesk");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    private async Task<List<AuditEvent>> PageRefusalsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(a => a.Action == AuditActions.AuthorizationFailed && a.EntityType == "Page").OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The audit is written after the component's first render returns: wait for it (the skip path is synchronous).</summary>
    private async Task<List<AuditEvent>> WaitForRefusalsAsync(int count)
    {
        var deadline = DateTime.UtcNow + DefaultWaitTimeout;
        var rows = await PageRefusalsAsync();
        while (rows.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            rows = await PageRefusalsAsync();
        }

        return rows;
    }

    [Fact]
    public async Task Each_refused_page_reached_inside_the_circuit_is_one_row_naming_it()
    {
        await SignInAsDeskAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/admin/users");
        var audit = Render<PageRefusalAudit>(p => p.Add(x => x.Page, typeof(UsersPage)));
        await WaitForRefusalsAsync(1);
        audit.Render(p => p.Add(x => x.Page, typeof(UsersPage)));
        navigation.NavigateTo("/board?region=rehearsal");
        audit.Render(p => p.Add(x => x.Page, typeof(BoardShell)));

        var rows = await WaitForRefusalsAsync(2);
        Assert.Equal(["/admin/users", "/board"], rows.Select(r => r.EntityId));
        Assert.All(rows, r => Assert.Equal(("desk", "BillingDesk"), (r.UserName, r.Role)));
        Assert.Contains("\"via\":\"navigation\"", rows[0].AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_render_writes_nothing()
    {
        await SignInAsDeskAsync();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/users");

        Render<PageRefusalAudit>(p => p.Add(x => x.Page, typeof(UsersPage)));

        Assert.Empty(await PageRefusalsAsync());
    }
}
