using System.Net;
using Dashboard.Core.Accounts;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// Beyond length and character kinds: a common password (from the shipped list, in any letter case,
/// with digits or symbols stuck on), one character repeated, or the user name inside is refused.
/// </summary>
public sealed class PasswordPolicyTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Password = "Lantern-river-7731";

    [Theory]
    [InlineData("Aaaaaaaaa1")]
    [InlineData("Password12")]
    [InlineData("Qwertyuiop1")]
    [InlineData("Iloveyou2026")]
    [InlineData("2026Welcome!")]
    [InlineData("Woaini1314520")]
    [InlineData("Abababab12")]
    public void Common_passwords_are_recognised_whatever_is_stuck_on(string password) =>
        Assert.True(PasswordBlocklistValidator.IsCommon(password));

    [Fact]
    public void Generated_demo_and_test_passwords_are_not_common()
    {
        string[] passwords = [.. DemoAccounts.All.Select(a => a.Password), Password, "Harbour-willow-4412", "Cutover-keeper-2026", PasswordGenerator.Generate()];

        Assert.All(passwords, p => Assert.False(PasswordBlocklistValidator.IsCommon(p), p));
    }

    [Theory]
    [InlineData("Aaaaaaaaa1", "IdentityError_PasswordCommon")]
    [InlineData("Password12", "IdentityError_PasswordCommon")]
    [InlineData("{user}-Spring-88", "IdentityError_PasswordContainsUserName")]
    public async Task The_change_password_page_refuses_a_weak_password_with_a_message(string weak, string message)
    {
        var user = await app.CreateSupervisorAsync(Password);
        using var client = app.NewClient();
        await client.SignInAsync(user, Password);

        using var response = await client.PostPasswordChangeAsync(Password, weak.Replace("{user}", user.ToUpperInvariant(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        using var culture = new UiCulture("zh-CN");
        Assert.Contains(TestLocalizer.Create()[message].Value, html, StringComparison.Ordinal);
        Assert.DoesNotContain("密码已修改", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync(user))!, Password));
    }
}
