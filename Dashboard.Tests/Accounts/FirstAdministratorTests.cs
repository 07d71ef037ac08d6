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
/// with a generated password written once to a file only the service's user may read, never to the
/// log. Either way the administrator must choose a new password at first sign-in.
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

    [GeneratedRegex("^password: +(\\S+)$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();

    private static string PasswordIn(FirstAdminPasswordFile file) => PasswordLine().Match(File.ReadAllText(file.Path)).Groups[1].Value;

    private static async Task<bool> AdminMustChangePasswordAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(AccountSeeder.AdminUserName))!.MustChangePassword;
    }

    [Fact]
    public async Task A_configured_password_that_meets_the_policy_becomes_the_admins_and_is_never_logged()
    {
        await using var services = Start("Cutover-keeper-2026");

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.True(await AdminSignsInWithAsync(services, "Cutover-keeper-2026"));
        Assert.Contains(_log.Messages, m => m.Contains("with the password from Dashboard:AdminPassword", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Messages, m => m.Contains("Cutover-keeper-2026", StringComparison.Ordinal));
        Assert.True(await AdminMustChangePasswordAsync(services));
        Assert.False(File.Exists(services.GetRequiredService<FirstAdminPasswordFile>().Path));
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
    public async Task A_generated_password_is_written_once_to_a_file_that_the_log_names()
    {
        string path;
        await using (var first = Start(adminPassword: null))
        {
            await first.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            path = first.GetRequiredService<FirstAdminPasswordFile>().Path;
            Assert.True(File.Exists(path));
            File.Delete(path);
        }

        // The next start finds the administrator and neither recreates it nor writes a password again.
        await using var second = Start(adminPassword: null);
        await second.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.False(File.Exists(path));
        var logged = Assert.Single(_log.Messages, m => m.Contains("generated password", StringComparison.Ordinal));
        Assert.Contains(path, logged, StringComparison.Ordinal);
        Assert.True(await AdminMustChangePasswordAsync(second));
    }

    [Fact]
    public async Task The_password_file_is_private_and_holds_a_password_that_works()
    {
        await using var services = Start(adminPassword: null);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var file = services.GetRequiredService<FirstAdminPasswordFile>();

        var password = PasswordIn(file);

        Assert.True(password.Length >= 10);
        Assert.True(await AdminSignsInWithAsync(services, password));
        Assert.DoesNotContain(_log.Messages, m => m.Contains(password, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        }
    }

    [Fact]
    public async Task At_first_sign_in_the_administrator_must_change_the_password_and_the_file_goes()
    {
        using var factory = new DashboardAppFactory(new FakeTimeProvider(FirstStart));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var file = factory.Services.GetRequiredService<FirstAdminPasswordFile>();
        var password = PasswordIn(file);

        using var wrong = await client.PostLoginAsync(AccountSeeder.AdminUserName, password + "x");
        using var right = await client.PostLoginAsync(AccountSeeder.AdminUserName, password);
        using var page = await client.GetAsync("/admin/users");
        using var api = await client.GetAsync("/api/regions");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("/account/password", new Uri(client.BaseAddress!, right.Headers.Location!).AbsolutePath);
        Assert.Equal("/account/password", new Uri(client.BaseAddress!, page.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("请先设置只有您自己知道的新密码", await client.GetStringAsync("/account/password"), StringComparison.Ordinal);

        using var changed = await client.PostPasswordChangeAsync(password, "Keeper-of-keys-2026");
        using var after = await client.GetAsync("/admin/users");

        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(File.Exists(file.Path));
        Assert.False(await AdminMustChangePasswordAsync(factory.Services));
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
