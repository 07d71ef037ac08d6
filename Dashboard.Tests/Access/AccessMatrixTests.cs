using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Facilities;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Access;

/// <summary>
/// For each role and each kind of record and action, what is allowed and what is refused, through
/// the service layer the pages use. Demo users: the desk is bound to REH-H01 (rehearsal region);
/// the manager has the rehearsal and Hefei; the supervisor every region.
/// </summary>
public class AccessMatrixTests : SeededCoreTests
{
    public AccessMatrixTests()
    {
    }

    protected AccessMatrixTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Theory]
    [InlineData("desk", "REH-H01", true)]
    [InlineData("desk", "REH-H02", false)]
    [InlineData("desk", "HEF-H01", false)]
    [InlineData("manager", "HEF-H01", true)]
    [InlineData("manager", "HEN-H01", false)]
    [InlineData("supervisor", "ZHE-P01", true)]
    [InlineData("demo-admin", "XIN-C01", true)]
    public async Task Reading_a_facility_by_id_respects_the_scope(string user, string facilityCode, bool allowed)
    {
        var scope = await Core.ScopeOf(user);
        var facility = await Core.Facility(facilityCode);

        var row = await Core.Get<FacilityService>().GetAsync(scope, facility.Id);

        Assert.Equal(allowed, row is not null);
        Assert.Equal(allowed ? 0 : 1, await Core.CountAudit(AuditActions.AuthorizationFailed, facility.Id.ToString()));
    }

    [Fact]
    public async Task A_desk_lists_only_its_own_facility()
    {
        var rows = await Core.Get<FacilityService>().ListAsync(await Core.ScopeOf("desk"));

        Assert.Equal(["REH-H01"], rows.Select(r => r.Code));
    }

    [Theory]
    [InlineData("manager", new[] { "hefei", "rehearsal" })]
    [InlineData("supervisor", new[] { "hefei", "hengyang", "panzhihua", "rehearsal", "xinzhou", "zhejiang" })]
    [InlineData("demo-admin", new[] { "hefei", "hengyang", "panzhihua", "rehearsal", "xinzhou", "zhejiang" })]
    public async Task Regional_roles_list_the_facilities_of_their_regions(string user, string[] regions)
    {
        var rows = await Core.Get<FacilityService>().ListAsync(await Core.ScopeOf(user));

        Assert.Equal(regions, rows.Select(r => r.RegionCode).Distinct().Order());
    }

    [Theory]
    [InlineData("desk")]
    [InlineData("supervisor")]
    [InlineData("manager")]
    public async Task Only_administrators_change_facilities_and_a_refused_change_changes_nothing(string user)
    {
        var scope = await Core.ScopeOf(user);
        var own = await Core.Facility("REH-H01");
        var facilities = Core.Get<FacilityService>();

        var created = await facilities.CreateAsync(scope, new FacilityInput { RegionId = own.RegionId, Code = "NEW-1", Name = "新机构" });
        var renamed = await facilities.UpdateAsync(scope, own.Id, own.Version, new FacilityInput { RegionId = own.RegionId, Code = own.Code, Name = "改名" });
        var deactivated = await facilities.SetActiveAsync(scope, own.Id, own.Version, active: false);

        Assert.Equal(CommandStatus.Forbidden, created.Result.Status);
        Assert.Equal(CommandStatus.Forbidden, renamed.Status);
        Assert.Equal(CommandStatus.Forbidden, deactivated.Status);
        var after = await Core.Facility("REH-H01");
        Assert.Equal((own.Name, own.IsActive, own.Version), (after.Name, after.IsActive, after.Version));
        Assert.Equal(3, await Core.CountAudit(AuditActions.AuthorizationFailed));
    }

    [Fact]
    public async Task Desk_addressing_another_facility_by_id_gets_not_found_and_nothing_changes()
    {
        var desk = await Core.ScopeOf("desk");
        var other = await Core.Facility("HEF-H01");

        var result = await Core.Get<FacilityService>().SetActiveAsync(desk, other.Id, other.Version, active: false);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.True((await Core.Facility("HEF-H01")).IsActive);
        Assert.Equal(1, await Core.CountAudit(AuditActions.AuthorizationFailed, other.Id.ToString()));
    }

    [Theory]
    [InlineData("desk")]
    [InlineData("supervisor")]
    [InlineData("manager")]
    public async Task Only_administrators_manage_users_and_read_the_audit_trail(string user)
    {
        var scope = await Core.ScopeOf(user);
        var admin = await Core.ScopeOf("demo-admin");
        var users = Core.Get<UserAdminService>();
        var target = (await users.ListAsync(admin))!.Single(u => u.UserName == DemoAccounts.Desk.UserName);

        Assert.Null(await users.ListAsync(scope));
        Assert.Equal(CommandStatus.Forbidden, (await users.CreateAsync(scope, new UserInput { UserName = "x.y", DisplayName = "X", Role = UserRole.Admin })).Result.Status);
        Assert.Equal(CommandStatus.Forbidden, (await users.ResetPasswordAsync(scope, target.Id, target.ConcurrencyStamp)).Result.Status);
        Assert.Equal(CommandStatus.Forbidden, (await users.SetDisabledAsync(scope, target.Id, target.ConcurrencyStamp, disabled: true)).Status);
        Assert.Null(await Core.Get<AuditQueryService>().SearchAsync(scope, new AuditFilter(), 0, 10));
        Assert.NotNull(await Core.Get<AccessScopeResolver>().ResolveAsync(target.Id, null));
        Assert.Equal(target.ConcurrencyStamp, (await users.ListAsync(admin))!.Single(u => u.Id == target.Id).ConcurrencyStamp);
    }

    [Fact]
    public async Task A_disabled_user_has_no_scope_at_all()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var users = Core.Get<UserAdminService>();
        var desk = (await users.ListAsync(admin))!.Single(u => u.UserName == "desk");

        var result = await users.SetDisabledAsync(admin, desk.Id, desk.ConcurrencyStamp, disabled: true);

        Assert.True(result.Succeeded);
        Assert.Null(await Core.Get<AccessScopeResolver>().ResolveAsync(desk.Id, null));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class AccessMatrixTestsOnPostgres() : AccessMatrixTests(DatabaseProvider.PostgreSql);
