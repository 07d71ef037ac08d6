using System.Net;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.Infrastructure.HeldPatientInputs;

namespace Dashboard.Tests.Audit;

/// <summary>
/// What used to leave no audit row, over HTTP against the real app: a desk refused a page by its
/// role, a download by a token that is not the caller's or not anyone's, a record id that does not
/// exist, and the duplicate check telling a desk about another facility's patient. Each test counts
/// only the rows after its own start; the chain still verifies after all of it.
/// </summary>
public sealed class AuditGapTests(AuditGapTests.App app) : IClassFixture<AuditGapTests.App>
{
    private readonly DashboardAppFactory _factory = app.Factory;

    /// <summary>One app for the class, the desk signed in once.</summary>
    public sealed class App : IAsyncLifetime
    {
        public DashboardAppFactory Factory { get; } = new(new FakeTimeProvider(TestClocks.FirstStart));

        public HttpClient Desk { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Desk = Factory.CreateBrowserLikeClient();
            await Desk.SignInAsync(DemoAccounts.Desk.UserName, DemoAccounts.Desk.Password);
        }

        public Task DisposeAsync()
        {
            Desk.Dispose();
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEvent>> RowsAfterAsync(long auditId)
    {
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(a => a.Id > auditId).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<AccessScope> ScopeOfAsync(string userName)
    {
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await Get<AccessScopeResolver>().ResolveAsync(userId, "203.0.113.9"))!;
    }

    /// <summary>A desk at another active facility of the demo desk's region (a scope is all the services need).</summary>
    private async Task<AccessScope> DeskElsewhereAsync()
    {
        var desk = await ScopeOfAsync(DemoAccounts.Desk.UserName);
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var regionId = await db.Facilities.Where(f => f.Id == desk.FacilityId).Select(f => f.RegionId).SingleAsync();
        var elsewhere = await db.Facilities.Where(f => f.RegionId == regionId && f.Id != desk.FacilityId && f.IsActive).OrderBy(f => f.Code).FirstAsync();
        return new AccessScope("desk-2", "desk-2", UserRole.BillingDesk, elsewhere.Id, new HashSet<int> { regionId }, "203.0.113.60");
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/backup")]
    [InlineData("/board")]
    public async Task A_desk_opening_a_page_its_role_may_not_is_sent_to_denied_and_leaves_one_row_naming_the_page(string path)
    {
        var before = await LastAuditIdAsync();

        using var response = await app.Desk.GetAsync(path);
        var location = new Uri(_factory.Server.BaseAddress, response.Headers.Location!);
        using var denied = await app.Desk.GetAsync(location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", location.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var row = Assert.Single(await RowsAfterAsync(before));
        Assert.Equal(
            (AuditActions.AuthorizationFailed, "desk", nameof(UserRole.BillingDesk), "Page", path),
            (row.Action, row.UserName, row.Role, row.EntityType, row.EntityId));
        Assert.Contains("\"attempted\":\"open\"", row.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_by_another_users_token_and_by_an_unknown_one_are_both_audited()
    {
        var manager = await ScopeOfAsync(DemoAccounts.Manager.UserName);
        var files = Get<Dashboard.Core.CatchUp.ExportFileStore>();
        string path;
        await using (var output = files.Create())
        {
            path = output.Name;
            await output.WriteAsync(new byte[] { 1, 2, 3 });
        }

        var managersToken = files.Register(path, "补录清单.xlsx", manager.UserId);
        var unknownToken = Guid.NewGuid().ToString("N");
        var before = await LastAuditIdAsync();

        using var foreign = await app.Desk.GetAsync($"/exports/{managersToken}");
        using var unknown = await app.Desk.GetAsync($"/exports/{unknownToken}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, unknown.StatusCode));
        var rows = await RowsAfterAsync(before);
        Assert.Equal(2, rows.Count);
        Assert.Equal((AuditActions.AuthorizationFailed, "CatchUpList", "补录清单.xlsx", "desk"), (rows[0].Action, rows[0].EntityType, rows[0].EntityId, rows[0].UserName));
        Assert.Equal((AuditActions.NotFound, "ExportToken", unknownToken[..8] + "…", "desk"), (rows[1].Action, rows[1].EntityType, rows[1].EntityId, rows[1].UserName));
    }

    [Theory]
    [InlineData("/held-patients/999999", nameof(HeldPatient))]
    [InlineData("/paper-forms/999999", "PaperForm")]
    [InlineData("/facilities/999999", "Facility")]
    public async Task A_record_id_that_does_not_exist_answers_404_and_leaves_a_not_found_row(string path, string entityType)
    {
        var before = await LastAuditIdAsync();

        using var response = await app.Desk.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var row = Assert.Single(await RowsAfterAsync(before));
        Assert.Equal((AuditActions.NotFound, "desk", entityType, "999999"), (row.Action, row.UserName, row.EntityType, row.EntityId));
    }

    [Fact]
    public async Task A_record_of_another_facility_still_answers_404_but_as_a_refusal_not_a_missing_id()
    {
        var other = await DeskElsewhereAsync();
        var id = (await Get<HeldPatientService>().CreateAsync(other, Spanning("钱七", TestIds.Resident(start: 300)))).Value;
        var before = await LastAuditIdAsync();

        using var response = await app.Desk.GetAsync($"/held-patients/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var row = Assert.Single(await RowsAfterAsync(before));
        Assert.Equal((AuditActions.AuthorizationFailed, nameof(HeldPatient)), (row.Action, row.EntityType));
    }

    /// <summary>
    /// The duplicate check runs in the entry form, over the circuit rather than a request of its own,
    /// so this calls the service the form calls, inside the running app.
    /// </summary>
    [Fact]
    public async Task The_duplicate_check_showing_another_facilitys_patient_is_audited_with_the_id_number_masked()
    {
        var desk = await ScopeOfAsync(DemoAccounts.Desk.UserName);
        var service = Get<HeldPatientService>();
        var context = (await service.GetFormContextAsync(desk))!;
        var other = await DeskElsewhereAsync();
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var elsewhere = await db.Facilities.SingleAsync(f => f.Id == other.FacilityId);
        var idNumber = TestIds.Resident(start: 400);
        var theirs = (await service.CreateAsync(other, Spanning("孙八", idNumber))).Value;
        var values = HeldPatientRules.Validate(Spanning("孙八", idNumber), context.RulesAt(Get<TimeProvider>().GetUtcNow())).Values!;
        var before = await LastAuditIdAsync();

        var shown = await service.FindDuplicatesAsync(desk, context.RegionId, values, excludeId: null);
        var ownCheck = await service.FindDuplicatesAsync(other, context.RegionId, values, excludeId: null);

        Assert.False(Assert.Single(shown).CallerMaySee);
        Assert.True(Assert.Single(ownCheck).CallerMaySee);
        var row = Assert.Single(await RowsAfterAsync(before));
        Assert.Equal(
            (AuditActions.DuplicateRevealed, "desk", nameof(HeldPatient), theirs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (row.Action, row.UserName, row.EntityType, row.EntityId));
        Assert.Contains(elsewhere.Name, row.AfterJson, StringComparison.Ordinal);
        Assert.Contains(Dashboard.Core.Privacy.PersonalDataMask.IdNumber(idNumber), row.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, row.AfterJson, StringComparison.Ordinal);
        Assert.True((await Get<AuditChainVerifier>().VerifyAsync()).IsIntact);
    }

    /// <summary>Imports and the tools refuse such a row and name the record it repeats: the same disclosure, audited with the batch.</summary>
    [Fact]
    public async Task A_bulk_row_refused_as_a_duplicate_of_another_facilitys_patient_is_audited_too()
    {
        var desk = await ScopeOfAsync(DemoAccounts.Desk.UserName);
        var other = await DeskElsewhereAsync();
        var idNumber = TestIds.Resident(start: 500);
        var theirs = (await Get<HeldPatientService>().CreateAsync(other, Spanning("周九", idNumber))).Value;
        var before = await LastAuditIdAsync();

        var result = await Get<Dashboard.Core.Records.Intake.BulkIntake>().AddHeldPatientsAsync(desk,
        [
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Spanning("周九", idNumber)),
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Spanning("吴十", TestIds.Resident(start: 510))),
        ]);

        Assert.Equal(1, result.Written);
        var rows = await RowsAfterAsync(before);
        var revealed = Assert.Single(rows, r => r.Action == AuditActions.DuplicateRevealed);
        Assert.Equal(("desk", theirs.ToString(System.Globalization.CultureInfo.InvariantCulture)), (revealed.UserName, revealed.EntityId));
        Assert.DoesNotContain(idNumber, revealed.AfterJson, StringComparison.Ordinal);
        Assert.True((await Get<AuditChainVerifier>().VerifyAsync()).IsIntact);
    }
}
