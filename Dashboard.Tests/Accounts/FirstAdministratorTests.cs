using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core;
using Dashboard.Core.Accounts;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// The first start creates the administrator <c>admin</c>: with Dashboard:AdminPassword if it meets the
/// password policy (a weaker one stops the start with a message that says what is needed), otherwise
/// with a generated password written to the log once.
/// </summary>
public sealed partial class FirstAdministratorTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly CapturedLog _log = new();

    public void Dispose() => _database.Dispose();

    /// <summary>A production start (no demo accounts) on this test's database.</summary>
    private ServiceProvider Start(string? adminPassword)
    {
        var services = new ServiceCollection().AddTestCore(_database, new FakeTimeProvider(FirstStart), demoMode: false);
        services.Configure<DashboardOptions>(options => options.AdminPassword = adminPassword);
        services.AddSingleton<ILoggerProvider>(_log);
        return services.BuildServiceProvider();
    }

    private static async Task<bool> AdminSignsInWithAsync(IServiceProvider services, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByNameAsync(AccountSeeder.AdminUserName);
        return admin is { Role: UserRole.Admin } && await users.CheckPasswordAsync(admin, password);
    }

    [GeneratedRegex("generated password (\\S+) ")]
    private static partial Regex GeneratedPassword();

    [Fact]
    public async Task A_configured_password_that_meets_the_policy_becomes_the_admins_and_is_never_logged()
    {
        await using var services = Start("Cutover-keeper-2026");

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.True(await AdminSignsInWithAsync(services, "Cutover-keeper-2026"));
        Assert.Contains(_log.Messages, m => m.Contains("with the password from Dashboard:AdminPassword", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Messages, m => m.Contains("Cutover-keeper-2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Short-1a")]
    [InlineData("lower-case-only-1")]
    [InlineData("UPPER-CASE-ONLY-1")]
    [InlineData("No-digits-anywhere")]
    [InlineData("Password1234")]
    [InlineData("Keeper-admin-2026")]
    public async Task A_configured_password_below_the_policy_stops_the_start_and_says_what_is_needed(string weak)
    {
        await using var services = Start(weak);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        Assert.Contains("Set Dashboard:AdminPassword to a password of at least 10 characters with upper and lower case letters and a digit, not a common one and not containing the user name.", ex.Message, StringComparison.Ordinal);
        await using var db = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Without_a_configured_password_one_is_generated_logged_once_and_works()
    {
        await using (var first = Start(adminPassword: null))
        {
            await first.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        // The next start finds the administrator and neither recreates it nor logs a password again.
        await using var second = Start(adminPassword: null);
        await second.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        var logged = Assert.Single(_log.Messages, m => m.Contains("generated password", StringComparison.Ordinal));
        var password = GeneratedPassword().Match(logged).Groups[1].Value;
        Assert.True(password.Length >= 10, logged);
        Assert.Single(_log.Messages, m => m.Contains(password, StringComparison.Ordinal));
        Assert.True(await AdminSignsInWithAsync(second, password));
    }

    [Fact]
    public async Task The_generated_password_signs_in_through_the_login_form()
    {
        var log = new CapturedLog();
        using var factory = new DashboardAppFactory(new FakeTimeProvider(FirstStart));
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(log)));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var password = GeneratedPassword().Match(Assert.Single(log.Messages, m => m.Contains("generated password", StringComparison.Ordinal))).Groups[1].Value;
        using var wrong = await client.PostLoginAsync(AccountSeeder.AdminUserName, password + "x");
        using var right = await client.PostLoginAsync(AccountSeeder.AdminUserName, password);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public void A_weak_configured_password_stops_the_app_from_starting()
    {
        using var factory = new DashboardAppFactory(new FakeTimeProvider(FirstStart));
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Dashboard:AdminPassword", "weak"));

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Dashboard:AdminPassword", ex.ToString(), StringComparison.Ordinal);
    }
}
