using Dashboard.Core.Persistence;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Accounts;

public class UserAdminServiceTests : SeededCoreTests
{
    public UserAdminServiceTests()
    {
    }

    protected UserAdminServiceTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private UserAdminService Users => Core.Get<UserAdminService>();

    [Fact]
    public async Task A_billing_desk_needs_a_facility_and_a_supervisor_needs_regions()
    {
        var admin = await Core.ScopeOf("demo-admin");

        var desk = await Users.CreateAsync(admin, new UserInput { UserName = "li.na", DisplayName = "李娜", Role = UserRole.BillingDesk });
        var supervisor = await Users.CreateAsync(admin, new UserInput { UserName = "wang.fang", DisplayName = "王芳", Role = UserRole.Supervisor });

        Assert.Equal([AccountErrors.FacilityRequired], desk.Result.Errors[nameof(UserInput.FacilityId)]);
        Assert.Equal([AccountErrors.RegionsRequired], supervisor.Result.Errors[nameof(UserInput.RegionIds)]);
        Assert.Null(await FindAsync("li.na"));
    }

    [Fact]
    public async Task A_new_user_signs_in_with_the_one_time_password_and_sees_only_their_facility()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var facility = await Core.Facility("HEN-H01");

        var created = await Users.CreateAsync(admin, new UserInput { UserName = "zhao.lei", DisplayName = "赵磊", Role = UserRole.BillingDesk, FacilityId = facility.Id, RegionIds = [1, 2] });

        Assert.True(created.Succeeded);
        var user = await FindAsync("zhao.lei");
        Assert.NotNull(user);
        Assert.True(user.MustChangePassword);
        await using var scope = Core.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(user, created.Value!));
        var access = await Core.ScopeOf("zhao.lei");
        Assert.Equal(facility.Id, access.FacilityId);
        Assert.Equal([facility.RegionId], access.RegionIds);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Create, user.Id));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_a_conflict()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var manager = (await Users.ListAsync(admin))!.Single(u => u.UserName == "manager");
        var input = new UserInput { UserName = "manager", DisplayName = "补录经理（甲）", Role = UserRole.Manager, RegionIds = [.. manager.RegionIds] };
        Assert.True((await Users.UpdateAsync(admin, manager.Id, manager.ConcurrencyStamp, input)).Succeeded);

        input.DisplayName = "补录经理（乙）";
        var second = await Users.UpdateAsync(admin, manager.Id, manager.ConcurrencyStamp, input);

        Assert.Equal(CommandStatus.Conflict, second.Status);
        Assert.Equal("补录经理（甲）", (await FindAsync("manager"))!.DisplayName);
    }

    [Fact]
    public async Task Administrators_cannot_disable_themselves()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var self = (await Users.ListAsync(admin))!.Single(u => u.UserName == "demo-admin");

        var result = await Users.SetDisabledAsync(admin, self.Id, self.ConcurrencyStamp, disabled: true);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.False((await FindAsync("demo-admin"))!.IsDisabled);
    }

    [Fact]
    public async Task Password_reset_returns_a_working_one_time_password_that_must_be_replaced_and_clears_lockout()
    {
        var admin = await Core.ScopeOf("demo-admin");
        await using var scope = Core.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var desk = (await userManager.FindByNameAsync("desk"))!;
        await userManager.SetLockoutEndDateAsync(desk, Core.Clock.GetUtcNow().AddMinutes(10));
        var row = (await Users.ListAsync(admin))!.Single(u => u.UserName == "desk");
        Assert.True(row.IsLockedOut);

        var reset = await Users.ResetPasswordAsync(admin, row.Id, row.ConcurrencyStamp);

        Assert.True(reset.Succeeded);
        var after = (await Users.ListAsync(admin))!.Single(u => u.UserName == "desk");
        Assert.False(after.IsLockedOut);
        await using var check = Core.Services.CreateAsyncScope();
        var fresh = await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("desk");
        Assert.True(await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(fresh!, reset.Value!));
        Assert.True(fresh!.MustChangePassword);
        Assert.Equal(1, await Core.CountAudit(AuditActions.PasswordReset, row.Id));
    }

    private async Task<ApplicationUser?> FindAsync(string userName)
    {
        await using var scope = Core.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class UserAdminServiceTestsOnPostgres() : UserAdminServiceTests(DatabaseProvider.PostgreSql);
