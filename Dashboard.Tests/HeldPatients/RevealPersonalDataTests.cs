using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.HeldPatients;

/// <summary>
/// The full ID number and phone behind the masks: for the desk, supervisors and administrators, on a
/// record they can see; never for managers or across scope. Every reveal and every refusal is audited.
/// </summary>
public sealed class RevealPersonalDataTests : SeededCoreTests
{
    private static readonly string IdNumber = TestIds.Resident(start: 300);

    private HeldPatientService Service => Core.Get<HeldPatientService>();

    private async Task<int> LogAsync()
    {
        var result = await Service.CreateAsync(await Core.ScopeOf("desk"), new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "揭示测试", IdNumber = IdNumber, Phone = "13812345678", AdmittedAt = "2026-11-20 09:30",
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private async Task<List<Dashboard.Core.Audit.AuditEvent>> AuditOf(int id)
    {
        await using var db = Core.CreateDb();
        return await db.AuditEvents.Where(a => a.EntityType == nameof(HeldPatient) && a.EntityId == id.ToString() && a.Action != AuditActions.Create)
            .OrderBy(a => a.Id).ToListAsync();
    }

    [Theory]
    [InlineData("desk", "BillingDesk")]
    [InlineData("supervisor", "Supervisor")]
    [InlineData("demo-admin", "Admin")]
    public async Task Desks_supervisors_and_administrators_see_the_full_numbers_and_each_reveal_is_audited(string user, string role)
    {
        var id = await LogAsync();

        var first = await Service.RevealAsync(await Core.ScopeOf(user), id);
        var second = await Service.RevealAsync(await Core.ScopeOf(user), id);

        Assert.Equal(new RevealedPersonalData(IdNumber, "13812345678"), first);
        Assert.Equal(first, second);
        var audit = await AuditOf(id);
        Assert.Equal([AuditActions.RevealPersonalData, AuditActions.RevealPersonalData], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((user, role, "203.0.113.7"), (a.UserName, a.Role, a.ClientAddress)));
        Assert.All(audit, a => Assert.DoesNotContain(IdNumber, (a.BeforeJson ?? "") + a.AfterJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manager_sees_the_record_but_never_the_full_numbers_and_the_refusal_is_audited()
    {
        var id = await LogAsync();
        var manager = await Core.ScopeOf("manager");

        var revealed = await Service.RevealAsync(manager, id);

        Assert.Null(revealed);
        Assert.NotNull(await Core.Get<HeldPatientQueries>().GetAsync(manager, id));
        var refusal = Assert.Single(await AuditOf(id));
        Assert.Equal((AuditActions.AuthorizationFailed, "manager"), (refusal.Action, refusal.UserName));
        Assert.Contains("reveal", refusal.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_their_scope_no_one_gets_the_numbers_and_each_attempt_is_audited()
    {
        var id = await LogAsync();
        var desk = await Core.ScopeOf("desk");
        var supervisor = await Core.ScopeOf("supervisor");
        var otherDesk = desk with { UserId = "desk-h02", UserName = "desk-h02", FacilityId = (await Core.Facility("REH-H02")).Id };
        var hefeiSupervisor = supervisor with { UserName = "hefei-supervisor", RegionIds = new HashSet<int> { (await Core.Facility("HEF-H01")).RegionId } };

        Assert.Null(await Service.RevealAsync(otherDesk, id));
        Assert.Null(await Service.RevealAsync(hefeiSupervisor, id));
        Assert.Null(await Service.RevealAsync(desk, id + 1000));

        var refusals = await AuditOf(id);
        Assert.Equal(["desk-h02", "hefei-supervisor"], refusals.Select(a => a.UserName));
        Assert.All(refusals, a => Assert.Equal(AuditActions.AuthorizationFailed, a.Action));
        Assert.Equal(0, await Core.CountAudit(AuditActions.RevealPersonalData));
        Assert.Equal(1, await Core.CountAudit(AuditActions.AuthorizationFailed, (id + 1000).ToString()));
    }
}
