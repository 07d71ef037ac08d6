using Dashboard.Core.Audit;
using Dashboard.Core.Facilities;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Audit;

public sealed class AuditTrailTests : SeededCoreTests
{
    [Theory]
    [InlineData("UPDATE AuditEvents SET Action = 'Tampered'")]
    [InlineData("DELETE FROM AuditEvents")]
    public async Task The_database_rejects_changing_or_removing_audit_events(string sql)
    {
        await Core.Get<AuditTrail>().RecordAsync("u1", "someone", "Admin", null, AuditActions.SignIn);
        await using var connection = new SqliteConnection(Core.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;

        var ex = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Core.CountAudit(AuditActions.SignIn));
    }

    [Fact]
    public async Task A_change_and_its_audit_event_are_saved_together_with_before_and_after()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var facility = await Core.Facility("HEF-H02");
        var input = new FacilityInput { RegionId = facility.RegionId, Code = facility.Code, Name = "合肥市中医医院（新院区）", Kind = facility.Kind, ContactPhone = "0551-62009999" };

        var result = await Core.Get<FacilityService>().UpdateAsync(admin, facility.Id, facility.Version, input);

        Assert.True(result.Succeeded);
        await using var db = Core.CreateDb();
        var entry = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.Update && a.EntityId == facility.Id.ToString());
        Assert.Equal("demo-admin", entry.UserName);
        Assert.Equal("Admin", entry.Role);
        Assert.Equal("203.0.113.7", entry.ClientAddress);
        Assert.Equal(Core.Clock.GetUtcNow().UtcDateTime, entry.OccurredUtc);
        Assert.Contains("合肥市中医医院", entry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("新院区", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_change_writes_no_audit_event_and_nothing_else()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var facility = await Core.Facility("HEF-H02");
        var duplicate = new FacilityInput { RegionId = facility.RegionId, Code = "HEF-H01", Name = facility.Name };

        var result = await Core.Get<FacilityService>().UpdateAsync(admin, facility.Id, facility.Version, duplicate);

        Assert.Equal(Dashboard.Core.Access.CommandStatus.Invalid, result.Status);
        Assert.Equal([FacilityService.CodeTaken], result.Errors["Code"]);
        Assert.Equal(0, await Core.CountAudit(AuditActions.Update));
        Assert.Equal("HEF-H02", (await Core.Facility("HEF-H02")).Code);
    }

    [Fact]
    public async Task Administrators_filter_the_trail_by_action_and_user()
    {
        var trail = Core.Get<AuditTrail>();
        await trail.RecordAsync("a", "alice", "Admin", null, AuditActions.SignIn);
        await trail.RecordAsync("b", "bob", "Manager", null, AuditActions.SignInFailed);
        await trail.RecordAsync("b", "bob", "Manager", null, AuditActions.SignIn);

        var page = await Core.Get<AuditQueryService>().SearchAsync(await Core.ScopeOf("demo-admin"), new AuditFilter(AuditActions.SignIn, "bob"), 0, 10);

        Assert.NotNull(page);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal("bob", page.Items.Single().UserName);
    }
}
