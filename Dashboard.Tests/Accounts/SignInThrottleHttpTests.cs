using System.Net;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// Over HTTP: a refused sign-in answers the same whether the name exists, the password is wrong or
/// the address has to wait, at the same cost (one password hash); failures from one address never
/// shut the account's owner out at another; and the login POST is rate-limited per address.
/// </summary>
public sealed partial class SignInThrottleHttpTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Password = "Lantern-river-7731";
    private const string Attacker = "203.0.113.9";
    private const string Owner = "198.51.100.20";

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确。连续输错后，须稍候片刻才能再试。", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
        return html;
    }

    [Fact]
    public async Task Failures_from_a_foreign_address_never_lock_the_owner_out()
    {
        var victim = await app.CreateSupervisorAsync(Password);
        using var attacker = app.NewClient(Attacker);
        for (var i = 0; i < 8; i++)
        {
            using var wrong = await attacker.PostLoginAsync(victim, $"Guess-number-{i}x");
            await RefusalAsync(wrong);
        }

        // The attacker's address is shut out of the account, even with the right password, and told nothing new.
        using var rightFromAttacker = await attacker.PostLoginAsync(victim, Password);
        await RefusalAsync(rightFromAttacker);

        using var owner = app.NewClient(Owner);
        using var signedIn = await owner.PostLoginAsync(victim, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await app.CountAuditAsync(AuditActions.SignInFailed, victim) >= 5);
        Assert.True(await app.CountAuditAsync(AuditActions.SignInLockedOut, victim) >= 1);
        Assert.Equal(1, await app.CountAuditAsync(AuditActions.SignIn, victim));
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_waiting_address_get_the_same_answer_at_the_cost_of_one_hash()
    {
        var hasher = new CountingHasher();
        using var counted = app.App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<ApplicationUser>>(_ => hasher)));
        var existing = await app.CreateSupervisorAsync(Password);
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).From("192.0.2.44");

        var answers = new List<string>();
        foreach (var (userName, password) in new[] { ("nobody-here", Password), (existing, "Wrong-password-1") })
        {
            var before = hasher.Verifications;
            using var response = await client.PostLoginAsync(userName, password);
            answers.Add(Alerts(await RefusalAsync(response)));
            Assert.Equal(before + 1, hasher.Verifications);
        }

        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            using var more = await client.PostLoginAsync("nobody-here", Password);
        }

        var beforeWaiting = hasher.Verifications;
        using var waiting = await client.PostLoginAsync(existing, Password);
        answers.Add(Alerts(await RefusalAsync(waiting)));
        Assert.Equal(beforeWaiting + 1, hasher.Verifications);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task The_login_post_is_rate_limited_per_address_with_an_answer_that_names_no_account()
    {
        using var limited = app.App.WithWebHostBuilder(builder => builder
            .UseSetting("Dashboard:SignInRateLimit:PerAddress", "3")
            .UseSetting("Dashboard:SignInRateLimit:WindowSeconds", "86400"));
        using var flood = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).From("192.0.2.80");
        using var colleague = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).From("192.0.2.81");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await flood.PostLoginAsync($"name-{i}", Password);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await flood.PostLoginAsync("supervisor", Password);
        using var other = await colleague.PostLoginAsync("nobody-here", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("登录尝试过于频繁，请稍后再试。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    /// <summary>What the page tells: the text of its alerts.</summary>
    private static string Alerts(string html) =>
        string.Join("|", AlertMessage().Matches(html).Select(m => m.Groups[1].Value));

    [System.Text.RegularExpressions.GeneratedRegex("class=\"mud-alert-message\">([^<]*)<")]
    private static partial System.Text.RegularExpressions.Regex AlertMessage();

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
