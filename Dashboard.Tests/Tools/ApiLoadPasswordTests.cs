using Dashboard.Core.Accounts;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tools.Benchmarks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Tools;

/// <summary>
/// The load benchmark starts the app with a first-administrator password of its own: the app's own
/// password rules must take every one, or the app refuses to start and the benchmark fails at random.
/// </summary>
public sealed class ApiLoadPasswordTests : SeededCoreTests
{
    [Fact]
    public async Task Every_generated_admin_password_passes_the_apps_password_rules()
    {
        using var scope = Core.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = new ApplicationUser { UserName = "admin", DisplayName = "管理员" };

        for (var i = 0; i < 500; i++)
        {
            var password = ApiLoadApp.NewAdminPassword();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, admin, password);
                Assert.True(result.Succeeded, $"{password}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
