using Dashboard.Core.Persistence;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Records;
using Dashboard.Core.Seeding;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Infrastructure.HeldPatientInputs;

namespace Dashboard.Tests.HeldPatients;

/// <summary>
/// The held-patient services on a seeded database. The clock is 2026-11-22 04:00 UTC (the rehearsal's
/// first start), so the rehearsal stops on 2026-11-24 12:00 local and patients are logged as spanning the stop.
/// </summary>
public class HeldPatientServiceTests : SeededCoreTests
{
    public HeldPatientServiceTests()
    {
    }

    protected HeldPatientServiceTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private HeldPatientService Service => Core.Get<HeldPatientService>();

    private HeldPatientQueries Queries => Core.Get<HeldPatientQueries>();

    private async Task<int> LogAsync(HeldPatientInput input)
    {
        var result = await Service.CreateAsync(await Core.ScopeOf(DemoAccounts.Desk.UserName), input);
        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
        return result.Value;
    }

    [Fact]
    public async Task A_desk_logs_a_patient_with_the_regions_deadline_and_an_audit_event()
    {
        var id = await LogAsync(Spanning("王芳"));

        var record = await Queries.GetAsync(await Core.ScopeOf("desk"), id);

        Assert.NotNull(record);
        Assert.Equal(HeldPatientStatus.Logged, record.Status);
        Assert.Equal("340104********" + TestIds.Resident()[^4..], record.MaskedIdNumber);
        Assert.Equal("139****5678", record.MaskedPhone);
        var rehearsal = await Core.Get<Dashboard.Core.Plans.CutoverPlanService>().GetPlanAsync("rehearsal");
        Assert.Equal(rehearsal!.CatchUp.EndsUtc!.Value.UtcDateTime, record.DeadlineUtc);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Create, id.ToString()));
    }

    [Fact]
    public async Task Only_billing_desks_log_patients()
    {
        var result = await Service.CreateAsync(await Core.ScopeOf("supervisor"), Spanning("赵磊"));

        Assert.Equal(CommandStatus.Forbidden, result.Result.Status);
    }

    [Fact]
    public async Task Invalid_input_is_refused_and_nothing_is_saved()
    {
        var valid = TestIds.Resident();
        var input = Spanning("刘洋", id: valid[..17] + (valid[17] == '0' ? '1' : '0'));
        input.Amount = "-3";

        var result = await Service.CreateAsync(await Core.ScopeOf("desk"), input);

        Assert.Equal(CommandStatus.Invalid, result.Result.Status);
        Assert.Contains(nameof(HeldPatientInput.IdNumber), result.Result.Errors.Keys);
        Assert.Contains(nameof(HeldPatientInput.Amount), result.Result.Errors.Keys);
        await using var db = Core.CreateDb();
        Assert.Equal(0, await db.HeldPatients.CountAsync());
    }

    [Fact]
    public async Task A_desk_never_sees_or_changes_another_facilitys_patients()
    {
        var id = await LogAsync(Spanning("陈静"));
        var otherDesk = await OtherDeskScopeAsync();

        var list = await Queries.SearchAsync(otherDesk, new HeldPatientFilter(), 0, 50);
        var page = await Queries.GetAsync(otherDesk, id);
        var revealed = await Service.RevealAsync(otherDesk, id);
        var voided = await Service.ChangeStatusAsync(otherDesk, id, 0, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided, Reason: "x"));

        Assert.Equal(0, list.TotalCount);
        Assert.Null(page);
        Assert.Null(revealed);
        Assert.Equal(CommandStatus.NotFound, voided.Status);
        Assert.Equal(HeldPatientStatus.Logged, (await Queries.GetAsync(await Core.ScopeOf("desk"), id))!.Status);
        Assert.Equal(3, await Core.CountAudit(AuditActions.AuthorizationFailed, id.ToString()));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_gets_a_conflict_and_nothing_is_overwritten()
    {
        var id = await LogAsync(Spanning("杨洋"));
        var desk = await Core.ScopeOf("desk");
        var (input, version) = (await Queries.GetForEditAsync(desk, id))!.Value;

        var first = input.Clone();
        first.Department = "内科";
        var second = input.Clone();
        second.Department = "外科";
        var firstResult = await Service.UpdateAsync(desk, id, version, first);
        var secondResult = await Service.UpdateAsync(desk, id, version, second);
        var statusResult = await Service.ChangeStatusAsync(desk, id, version, new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, "NP1"));

        Assert.True(firstResult.Succeeded);
        Assert.Equal(CommandStatus.Conflict, secondResult.Status);
        Assert.Equal(CommandStatus.Conflict, statusResult.Status);
        var saved = await Queries.GetAsync(desk, id);
        Assert.Equal("内科", saved!.Department);
        Assert.Equal(HeldPatientStatus.Logged, saved.Status);
    }

    [Fact]
    public async Task Two_edits_at_once_that_change_only_the_invoice_numbers_conflict_too()
    {
        var id = await LogAsync(Spanning("杨洋"));
        var desk = await Core.ScopeOf("desk");
        var (input, version) = (await Queries.GetForEditAsync(desk, id))!.Value;
        var first = input.Clone();
        first.InvoiceNumbers = "INV-0002";
        var second = input.Clone();
        second.InvoiceNumbers = "INV-0003";

        Assert.True((await Service.UpdateAsync(desk, id, version, first)).Succeeded);
        Assert.Equal(CommandStatus.Conflict, (await Service.UpdateAsync(desk, id, version, second)).Status);
        Assert.Equal("INV-0002", (await Queries.GetForEditAsync(desk, id))!.Value.Input.InvoiceNumbers);
    }

    [Fact]
    public async Task Editing_another_field_keeps_the_seconds_of_an_existing_time_and_a_changed_time_is_taken_as_typed()
    {
        var id = await LogAsync(Spanning("秒钟"));
        var desk = await Core.ScopeOf("desk");
        var imported = new DateTime(2026, 11, 20, 1, 30, 47, DateTimeKind.Utc);
        await using (var db = Core.CreateDb())
        {
            // An imported or API record carries seconds; the form shows it to the minute.
            await db.HeldPatients.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(r => r.AdmittedUtc, imported));
        }

        var (input, version) = (await Queries.GetForEditAsync(desk, id))!.Value;
        Assert.Equal("2026-11-20 09:30", input.AdmittedAt);
        input.Department = "内科";
        Assert.True((await Service.UpdateAsync(desk, id, version, input)).Succeeded);
        await using (var db = Core.CreateDb())
        {
            Assert.Equal(imported, (await db.HeldPatients.SingleAsync(p => p.Id == id)).AdmittedUtc);
        }

        (input, version) = (await Queries.GetForEditAsync(desk, id))!.Value;
        input.AdmittedAt = "2026-11-20 09:31";
        Assert.True((await Service.UpdateAsync(desk, id, version, input)).Succeeded);
        await using (var db = Core.CreateDb())
        {
            Assert.Equal(new DateTime(2026, 11, 20, 1, 31, 0, DateTimeKind.Utc), (await db.HeldPatients.SingleAsync(p => p.Id == id)).AdmittedUtc);
        }
    }

    [Fact]
    public async Task Pasted_invisible_characters_are_not_stored_and_a_phone_in_another_scripts_digits_is_refused()
    {
        var input = Spanning("\u202E王\u200B小\u0007明\r\n");
        input.Phone = "١٣٩١٢٣٤٥٦٧٨";
        input.Notes = "第一行\r\n\u2066第二行\u2069";

        var refused = await Service.CreateAsync(await Core.ScopeOf("desk"), input);

        Assert.Equal(CommandStatus.Invalid, refused.Result.Status);
        Assert.Equal(ValidationErrors.PhoneDigits, Assert.Single(refused.Result.Errors[nameof(HeldPatientInput.Phone)]).Key);
        input.Phone = "１３９１２３４５６７８";
        var id = await LogAsync(input);
        await using var db = Core.CreateDb();
        var saved = await db.HeldPatients.SingleAsync(p => p.Id == id);
        Assert.Equal("王小 明", saved.PatientName);
        Assert.Equal("13912345678", saved.Phone);
        Assert.Equal("第一行\n第二行", saved.Notes);
    }

    [Fact]
    public async Task A_record_is_worked_to_closed_and_a_void_keeps_the_record_with_its_reason()
    {
        var desk = await Core.ScopeOf("desk");
        var id = await LogAsync(Spanning("黄磊"));
        var other = await LogAsync(Spanning("周敏", TestIds.Resident(start: 5)));

        foreach (var change in new[] { new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, "NP20261130001"), new StatusChange<HeldPatientStatus>(HeldPatientStatus.Settled), new StatusChange<HeldPatientStatus>(HeldPatientStatus.Closed) })
        {
            var current = await Queries.GetAsync(desk, id);
            Assert.True((await Service.ChangeStatusAsync(desk, id, current!.Version, change)).Succeeded);
        }

        var voided = await Service.ChangeStatusAsync(desk, other, (await Queries.GetAsync(desk, other))!.Version, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided, Reason: "重复登记"));

        Assert.True(voided.Succeeded);
        var closed = await Queries.GetAsync(desk, id);
        Assert.Equal((HeldPatientStatus.Closed, "NP20261130001"), (closed!.Status, closed.NewPlatformNumber));
        Assert.Equal("重复登记", (await Queries.GetAsync(desk, other))!.VoidReason);
        Assert.Equal(CommandStatus.Invalid, (await Service.ChangeStatusAsync(desk, id, closed.Version, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided, Reason: "x"))).Status);
    }

    [Fact]
    public async Task Same_id_in_the_region_with_an_overlapping_stay_is_reported_as_a_duplicate()
    {
        var id = TestIds.Resident(start: 20);
        await LogAsync(Spanning("吴刚", id));
        var desk = await Core.ScopeOf("desk");
        var context = (await Service.GetFormContextAsync(desk))!;
        var overlapping = HeldPatientRules.Validate(Spanning("吴刚", id.ToLowerInvariant()), context.RulesAt(Core.Clock.GetUtcNow())).Values!;
        var otherPerson = HeldPatientRules.Validate(Spanning("吴刚", TestIds.Resident(start: 30)), context.RulesAt(Core.Clock.GetUtcNow())).Values!;

        var matches = await Service.FindDuplicatesAsync(desk, context.RegionId, overlapping, excludeId: null);

        Assert.Single(matches);
        Assert.True(matches[0].CallerMaySee);
        Assert.Empty(await Service.FindDuplicatesAsync(desk, context.RegionId, otherPerson, excludeId: null));
    }

    [Fact]
    public async Task Searches_find_by_name_start_id_tail_and_invoice_in_the_database()
    {
        var desk = await Core.ScopeOf("desk");
        var id = TestIds.Resident(start: 40);
        var withInvoice = Spanning("欧阳娜娜", id);
        withInvoice.InvoiceNumbers = "2026112000777, 2026112000778";
        await LogAsync(withInvoice);
        await LogAsync(Spanning("李四", TestIds.Resident(start: 50)));

        Assert.Equal(["欧阳娜娜"], (await Queries.SearchAsync(desk, new HeldPatientFilter(Search: "欧阳"), 0, 10)).Items.Select(r => r.PatientName));
        Assert.Equal(["欧阳娜娜"], (await Queries.SearchAsync(desk, new HeldPatientFilter(Search: id[^6..]), 0, 10)).Items.Select(r => r.PatientName));
        Assert.Equal(["欧阳娜娜"], (await Queries.SearchAsync(desk, new HeldPatientFilter(Search: "2026112000778"), 0, 10)).Items.Select(r => r.PatientName));
        Assert.Equal(0, (await Queries.SearchAsync(desk, new HeldPatientFilter(Search: "娜娜"), 0, 10)).TotalCount);
        Assert.Equal(2, (await Queries.SearchAsync(desk, new HeldPatientFilter(SortBy: HeldPatientSortColumn.PatientName, Descending: false), 0, 10)).TotalCount);
    }

    [Fact]
    public async Task Moving_go_live_recomputes_every_records_deadline_and_overdue()
    {
        var desk = await Core.ScopeOf("desk");
        var id = await LogAsync(Spanning("孙丽"));
        await using (var db = Core.CreateDb())
        {
            var goLive = await db.Milestones.SingleAsync(m => m.Plan!.Region!.Code == "rehearsal" && m.Kind == Dashboard.Core.Plans.MilestoneKind.GoLive);
            goLive.DueUtc = goLive.DueUtc.AddDays(-30);
            await db.SaveChangesAsync();
        }

        var updated = await Core.Get<HeldPatientDeadlines>().RecomputeRegionAsync((await Service.GetFormContextAsync(desk))!.RegionId);

        Assert.Equal(1, updated);
        var record = await Queries.GetAsync(desk, id);
        var plan = await Core.Get<Dashboard.Core.Plans.CutoverPlanService>().GetPlanAsync("rehearsal");
        Assert.Equal(plan!.CatchUp.EndsUtc!.Value.UtcDateTime, record!.DeadlineUtc);
        Assert.True(record.IsOverdue);
        Assert.Equal(1, (await Queries.SearchAsync(desk, new HeldPatientFilter(OverdueOnly: true), 0, 10)).TotalCount);
    }

    [Fact]
    public async Task Drafts_are_kept_per_user_until_discarded()
    {
        var drafts = Core.Get<DraftService>();
        var desk = await Core.ScopeOf("desk");
        await drafts.SaveAsync(desk, "held-patient:new", Spanning("未保存的人"));

        var mine = await drafts.LoadAsync<HeldPatientInput>(desk, "held-patient:new");
        var theirs = await drafts.LoadAsync<HeldPatientInput>(await Core.ScopeOf("supervisor"), "held-patient:new");
        await drafts.DiscardAsync(desk, "held-patient:new");

        Assert.Equal("未保存的人", mine!.Value.PatientName);
        Assert.Null(theirs);
        Assert.Null(await drafts.LoadAsync<HeldPatientInput>(desk, "held-patient:new"));
    }

    private async Task<AccessScope> OtherDeskScopeAsync()
    {
        var desk = await Core.ScopeOf("desk");
        var other = await Core.Facility("REH-H02");
        return desk with { UserId = "other-desk", UserName = "other-desk", FacilityId = other.Id };
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class HeldPatientServiceTestsOnPostgres() : HeldPatientServiceTests(DatabaseProvider.PostgreSql);
