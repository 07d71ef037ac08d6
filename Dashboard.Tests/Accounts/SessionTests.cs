using System.Net;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// A sign-in cookie stands only while its session does: signing out, a new or reset password,
/// disabling, a role change and "sign out everywhere" end it on the server, so a copy of the cookie
/// taken before is refused on its very next request.
/// </summary>
public sealed class SessionTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Password = "Lantern-river-7731";

    private UserAdminService Admin => app.Services.GetRequiredService<UserAdminService>();

    /// <summary>Signs in through the login form; returns the client and a copy of its sign-in cookie.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string userName, string password = Password)
    {
        var client = app.NewClient();
        using var response = await client.PostLoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cutover.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private static async Task AssertOpensBoardAsync(HttpClient client)
    {
        using var board = await client.GetAsync("/board");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
    }

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        using var board = await client.GetAsync("/board");
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        Assert.StartsWith("/account/login", board.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_board()
    {
        var user = await app.CreateSupervisorAsync(Password);
        var (client, cookie) = await SignInAsync(user);
        using var thief = app.ClientWithCookie(cookie);
        await AssertOpensBoardAsync(thief);

        using var signedOut = await client.PostLogoutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await AssertSentToSignInAsync(thief);
        await AssertSentToSignInAsync(client);
        Assert.Equal(1, await app.CountAuditAsync(AuditActions.SignOut, user));
    }

    [Fact]
    public async Task Signing_out_ends_this_session_only_and_signing_out_everywhere_ends_them_all()
    {
        var user = await app.CreateSupervisorAsync(Password);
        var (office, _) = await SignInAsync(user);
        var (desk, _) = await SignInAsync(user);
        var (home, _) = await SignInAsync(user);

        using var _1 = await office.PostLogoutAsync();
        await AssertOpensBoardAsync(desk);
        await AssertOpensBoardAsync(home);

        using var _2 = await desk.PostLogoutAsync(everywhere: true);
        await AssertSentToSignInAsync(home);
        Assert.Equal(1, await app.CountAuditAsync(AuditActions.SignOutEverywhere, user));
    }

    [Fact]
    public async Task An_administrators_password_reset_ends_the_users_sessions_at_once()
    {
        var user = await app.CreateSupervisorAsync(Password);
        var (_, cookie) = await SignInAsync(user);
        using var copy = app.ClientWithCookie(cookie);
        await AssertOpensBoardAsync(copy);

        var row = await app.RowAsync(user);
        var reset = await Admin.ResetPasswordAsync(await app.ScopeOfAsync("demo-admin"), row.Id, row.ConcurrencyStamp);

        Assert.True(reset.Succeeded);
        await AssertSentToSignInAsync(copy);
    }

    [Fact]
    public async Task Disabling_and_a_role_change_end_the_users_sessions()
    {
        var disabled = await app.CreateSupervisorAsync(Password);
        var promoted = await app.CreateSupervisorAsync(Password);
        var (disabledClient, _) = await SignInAsync(disabled);
        var (promotedClient, _) = await SignInAsync(promoted);
        var admin = await app.ScopeOfAsync("demo-admin");

        var row = await app.RowAsync(disabled);
        Assert.True((await Admin.SetDisabledAsync(admin, row.Id, row.ConcurrencyStamp, disabled: true)).Succeeded);
        row = await app.RowAsync(promoted);
        var asManager = new UserInput { UserName = promoted, DisplayName = row.DisplayName, Role = UserRole.Manager, RegionIds = [.. row.RegionIds] };
        Assert.True((await Admin.UpdateAsync(admin, row.Id, row.ConcurrencyStamp, asManager)).Succeeded);

        await AssertSentToSignInAsync(disabledClient);
        await AssertSentToSignInAsync(promotedClient);
    }

    [Fact]
    public async Task A_new_password_ends_the_other_sessions_and_keeps_the_one_that_changed_it()
    {
        var user = await app.CreateSupervisorAsync(Password);
        var (changer, oldCookie) = await SignInAsync(user);
        var (other, _) = await SignInAsync(user);

        using var changed = await changer.PostPasswordChangeAsync(Password, "Harbour-willow-4412");

        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertOpensBoardAsync(changer);
        await AssertSentToSignInAsync(other);
        using var copy = app.ClientWithCookie(oldCookie);
        await AssertSentToSignInAsync(copy);
    }
}
