using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Seeding;

/// <summary>
/// First start: an administrator if there is none, with the password from configuration or a generated
/// one written to a file only the service's user can read (<see cref="FirstAdminPasswordFile"/>); the
/// log names the file, never the password. Either way the administrator must choose a new password
/// at first sign-in: the first one sits in a file. Demo mode: facilities per region and one user per role.
/// </summary>
public sealed partial class AccountSeeder(
    IServiceScopeFactory scopes, IOptions<DashboardOptions> options, FirstAdminPasswordFile passwordFile, TimeProvider clock, ILogger<AccountSeeder> logger)
{
    public const string AdminUserName = "admin";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (!await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.UserName == AdminUserName, cancellationToken) &&
            !await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.UserName != DemoAccounts.Admin.UserName, cancellationToken))
        {
            await CreateFirstAdminAsync(users);
        }

        if (options.Value.DemoMode)
        {
            await SeedDemoAsync(db, users, cancellationToken);
        }
    }

    private async Task CreateFirstAdminAsync(UserManager<ApplicationUser> users)
    {
        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? PasswordGenerator.Generate() : configured;
        var admin = new ApplicationUser { UserName = AdminUserName, DisplayName = "系统管理员", Role = UserRole.Admin, CreatedUtc = Now, MustChangePassword = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create the first administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)) +
                " Set Dashboard:AdminPassword to a password of at least 10 characters with upper and lower case letters and a digit," +
                " not a common one and not containing the user name.");
        }

        if (string.IsNullOrEmpty(configured))
        {
            await passwordFile.WriteAsync(AdminUserName, password);
            LogGeneratedAdmin(logger, AdminUserName, passwordFile.Path);
        }
        else
        {
            LogConfiguredAdmin(logger, AdminUserName);
        }
    }

    private async Task SeedDemoAsync(DashboardDbContext db, UserManager<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        if (!await db.Facilities.AnyAsync(cancellationToken))
        {
            db.Facilities.AddRange(regions.SelectMany(DemoFacilities.For));
            await db.SaveChangesAsync(cancellationToken);
        }

        var deskFacility = await db.Facilities
            .Where(f => f.IsActive)
            .OrderBy(f => f.Region!.IsRehearsal ? 0 : 1).ThenBy(f => f.Region!.SortOrder)
            .ThenBy(f => f.Kind == Facilities.FacilityKind.Hospital ? 0 : 1).ThenBy(f => f.Code)
            .FirstAsync(cancellationToken);
        var demoRegions = regions.Where(r => r.IsRehearsal || r.Code == "hefei").ToList();
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = account.UserName, DisplayName = account.DisplayName, Role = account.Role, CreatedUtc = Now };
            user.FacilityId = account.Role == UserRole.BillingDesk ? deskFacility.Id : null;
            var assigned = account.Role switch
            {
                UserRole.Supervisor => regions,
                UserRole.Manager => demoRegions,
                _ => new List<Region>(),
            };
            user.Regions.AddRange(assigned.Select(r => new UserRegion { UserId = user.Id, RegionId = r.Id }));
            var result = await users.CreateAsync(user, account.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {account.UserName}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first administrator '{UserName}' with a generated password, written to {PasswordFile} (readable only by this service's user). Sign in with it and choose a new password; the file is then deleted.")]
    private static partial void LogGeneratedAdmin(ILogger logger, string userName, string passwordFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator '{UserName}' with the password from Dashboard:AdminPassword; it must be changed at first sign-in.")]
    private static partial void LogConfiguredAdmin(ILogger logger, string userName);
}
