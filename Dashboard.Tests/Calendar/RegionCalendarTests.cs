using Dashboard.Core.Persistence;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Board;
using Dashboard.Core.Calendar;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Plans;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Calendar;

/// <summary>
/// Local calendar adjustments per region (SPEC section 4). 攀枝花 was restored 2020-09-20 24:00 and has
/// 10 working days: Monday 09-21 to Friday 09-25, the make-up Sunday 09-27, 09-28 to 09-30, then
/// National Day 10-01..10-08 off, so the official deadline is the end of Friday 2020-10-09 and the
/// next working day is the make-up Saturday 10-10.
/// </summary>
public class RegionCalendarTests : SeededCoreTests
{
    public RegionCalendarTests()
    {
    }

    protected RegionCalendarTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private const string Panzhihua = "panzhihua";

    private RegionCalendarService Calendar => Core.Get<RegionCalendarService>();

    private Task<AccessScope> AdminAsync() => Core.ScopeOf("demo-admin");

    private async Task<RegionPlan> PlanAsync(string code) => (await Core.Get<CutoverPlanService>().GetPlanAsync(code))!;

    private async Task<DateOnly?> LastDayAsync(string code) => (await PlanAsync(code)).CatchUp.LastDay;

    private async Task<CommandResult> AddAsync(string region, string date, bool isOffDay, string reason = "市政府通知", AccessScope? scope = null) =>
        (await Calendar.AddAsync(scope ?? await AdminAsync(), region, new RegionCalendarDayInput { Date = date, IsOffDay = isOffDay, Reason = reason })).Result;

    private async Task<DateTime?> HeldDeadlineAsync(int id) => (await Core.Get<HeldPatientQueries>().GetAsync(await AdminAsync(), id))!.DeadlineUtc;

    private async Task<DateTime?> FormDeadlineAsync(int id) => (await Core.Get<PaperFormQueries>().GetAsync(await AdminAsync(), id))!.DeadlineUtc;

    [Fact]
    public async Task An_extra_day_off_inside_panzhihuas_window_moves_its_deadline_and_its_records_one_working_day_later()
    {
        Assert.Equal(new DateOnly(2020, 10, 9), await LastDayAsync(Panzhihua));
        var held = await Core.AddHeldAsync("PAN-H01", "攀枝花在途", deadlineUtc: RecordRows.EndOf(2020, 10, 9));
        var form = await Core.AddFormAsync("PAN-W01", "攀枝花单据", deadlineUtc: RecordRows.EndOf(2020, 10, 9));

        var added = await AddAsync(Panzhihua, "2020-09-23", isOffDay: true, "市政府通知：本市 9 月 23 日放假一天");

        Assert.True(added.Succeeded);
        var plan = await PlanAsync(Panzhihua);
        Assert.Equal(new DateOnly(2020, 10, 10), plan.CatchUp.LastDay);
        Assert.Equal(1, plan.CatchUp.LocalAdjustments);
        Assert.Equal(RecordRows.EndOf(2020, 10, 10), await HeldDeadlineAsync(held));
        Assert.Equal(RecordRows.EndOf(2020, 10, 10), await FormDeadlineAsync(form));
        var regionId = (await Core.Facility("PAN-H01")).RegionId;
        Assert.Equal(plan.CatchUp.EndsUtc, (await Core.Get<CutoverPlanService>().GetCatchUpDeadlinesAsync())[regionId].EndsUtc);
        var board = await Core.Get<BoardSnapshots>().GetAsync(await AdminAsync(), regionId);
        Assert.Equal(new DateOnly(2020, 10, 10), board!.Plan.CatchUp.LastDay);
        await using var db = Core.CreateDb();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.Create && a.EntityType == nameof(RegionCalendarDay)));
    }

    [Fact]
    public async Task An_extra_working_day_on_a_weekend_moves_the_deadline_earlier()
    {
        // Saturday 2020-09-26 becomes the sixth working day, so the tenth is Wednesday 09-30, before National Day.
        var added = await AddAsync(Panzhihua, "2020-09-26", isOffDay: false, "补录突击：周六上班");

        Assert.True(added.Succeeded);
        Assert.Equal(new DateOnly(2020, 9, 30), await LastDayAsync(Panzhihua));
    }

    [Fact]
    public async Task Removing_the_adjustment_restores_the_official_deadline_and_keeps_the_row()
    {
        var held = await Core.AddHeldAsync("PAN-H01", "攀枝花在途", deadlineUtc: RecordRows.EndOf(2020, 10, 9));
        Assert.True((await AddAsync(Panzhihua, "2020-09-23", isOffDay: true)).Succeeded);
        var day = Assert.Single(await Calendar.ListAsync(await AdminAsync(), Panzhihua));

        var removed = await Calendar.RemoveAsync(await AdminAsync(), day.Id, day.Version);

        Assert.True(removed.Succeeded);
        var plan = await PlanAsync(Panzhihua);
        Assert.Equal(new DateOnly(2020, 10, 9), plan.CatchUp.LastDay);
        Assert.Equal(0, plan.CatchUp.LocalAdjustments);
        Assert.Equal(RecordRows.EndOf(2020, 10, 9), await HeldDeadlineAsync(held));
        Assert.Empty(await Calendar.ListAsync(await AdminAsync(), Panzhihua));
        await using var db = Core.CreateDb();
        Assert.True((await db.RegionCalendarDays.SingleAsync(d => d.Id == day.Id)).IsRemoved);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Deactivate, day.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True((await AddAsync(Panzhihua, "2020-09-23", isOffDay: true, "重新放假")).Succeeded, "a removed day can be adjusted again");
    }

    [Fact]
    public async Task Another_region_on_the_same_dates_is_unaffected()
    {
        // A copy of 合肥 on the same dates: both count 10 working days after Sunday 2021-12-12 and end Friday 12-24.
        Assert.True((await NewPlans.CreateAsync(Core.Services, await AdminAsync(), "hefei", "hefei-copy", "合肥副本", "Hefei copy", "2021-11-30 18:00")).Succeeded);
        Assert.Equal(new DateOnly(2021, 12, 24), await LastDayAsync("hefei-copy"));

        Assert.True((await AddAsync("hefei-copy", "2021-12-15", isOffDay: true)).Succeeded);

        Assert.Equal(new DateOnly(2021, 12, 27), await LastDayAsync("hefei-copy"));
        Assert.Equal(new DateOnly(2021, 12, 24), await LastDayAsync("hefei"));
        Assert.Equal(0, (await PlanAsync("hefei")).CatchUp.LocalAdjustments);
        Assert.Empty(await Calendar.ListAsync(await AdminAsync(), "hefei"));
    }

    [Fact]
    public async Task A_held_patient_logged_at_the_desk_gets_the_adjusted_deadline_of_its_region()
    {
        var desk = await Core.ScopeOf("desk");
        var held = await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "调休测试", IdNumber = TestIds.Resident(start: 960), AdmittedAt = "2026-11-20 09:00",
        });
        Assert.True(held.Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 18), await LastDayAsync("rehearsal"));

        // Wednesday 2026-12-09, inside the rehearsal's window (go-live Sunday 12-06): Friday 12-18 becomes Monday 12-21.
        Assert.True((await AddAsync("rehearsal", "2026-12-09", isOffDay: true)).Succeeded);

        var plan = await PlanAsync("rehearsal");
        Assert.Equal(new DateOnly(2026, 12, 21), plan.CatchUp.LastDay);
        var record = await Core.Get<HeldPatientQueries>().GetAsync(desk, held.Value);
        Assert.Equal(plan.CatchUp.EndsUtc!.Value.UtcDateTime, record!.DeadlineUtc);
    }

    [Theory]
    [InlineData("2020-09-23", true, "", "Reason", ValidationErrors.Required, null)]
    [InlineData("", true, "放假", "Date", ValidationErrors.Required, null)]
    [InlineData("2020/09/23", true, "放假", "Date", RegionCalendarService.DateFormat, null)]
    [InlineData("2028-01-03", true, "放假", "Date", RegionCalendarService.YearMissing, "2028")]
    [InlineData("2020-10-01", true, "放假", "IsOffDay", RegionCalendarService.AlreadyOff, "2020-10-01")]
    [InlineData("2020-09-24", false, "上班", "IsOffDay", RegionCalendarService.AlreadyWorking, "2020-09-24")]
    public async Task A_refused_adjustment_says_why_under_its_field_is_audited_and_changes_nothing(
        string date, bool isOffDay, string reason, string field, string key, string? argument)
    {
        var refused = await AddAsync(Panzhihua, date, isOffDay, reason);

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal([argument is null ? new Message(key) : new Message(key, argument)], refused.Errors[field]);
        Assert.Single(refused.Errors);
        Assert.Empty(await Calendar.ListAsync(await AdminAsync(), Panzhihua));
        Assert.Equal(new DateOnly(2020, 10, 9), await LastDayAsync(Panzhihua));
        Assert.Equal(1, await Core.CountAudit(AuditActions.Refused, Panzhihua));
    }

    [Fact]
    public async Task A_second_adjustment_of_the_same_day_is_refused_under_the_date()
    {
        Assert.True((await AddAsync(Panzhihua, "2020-09-23", isOffDay: true)).Succeeded);

        var again = await AddAsync(Panzhihua, "2020-09-23", isOffDay: true, "重复");

        Assert.Equal([new Message(RegionCalendarService.DuplicateDate, "2020-09-23")], again.Errors["Date"]);
        Assert.Single(await Calendar.ListAsync(await AdminAsync(), Panzhihua));
    }

    [Fact]
    public async Task A_reason_over_200_characters_is_refused_with_both_numbers()
    {
        var refused = await AddAsync(Panzhihua, "2020-09-23", isOffDay: true, new string('因', 201));

        Assert.Equal([ValidationErrors.TooLongMessage(200, 201)], refused.Errors["Reason"]);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("desk")]
    public async Task Only_administrators_adjust_a_calendar_and_every_other_attempt_is_audited(string user)
    {
        Assert.True((await AddAsync(Panzhihua, "2020-09-23", isOffDay: true)).Succeeded);
        var scope = await Core.ScopeOf(user);
        var day = Assert.Single(await Calendar.ListAsync(scope, Panzhihua));

        var added = await AddAsync(Panzhihua, "2020-09-24", isOffDay: true, scope: scope);
        var removed = await Calendar.RemoveAsync(scope, day.Id, day.Version);

        Assert.Equal(CommandStatus.Forbidden, added.Status);
        Assert.Equal(CommandStatus.Forbidden, removed.Status);
        Assert.Equal(2, await Core.CountAudit(AuditActions.AuthorizationFailed));
        Assert.Single(await Calendar.ListAsync(scope, Panzhihua));
        Assert.Equal(new DateOnly(2020, 10, 10), await LastDayAsync(Panzhihua));
    }

    [Fact]
    public async Task Removing_with_a_stale_version_is_a_conflict_and_the_adjustment_stays_in_force()
    {
        Assert.True((await AddAsync(Panzhihua, "2020-09-23", isOffDay: true)).Succeeded);
        var seen = Assert.Single(await Calendar.ListAsync(await AdminAsync(), Panzhihua));
        await using (var db = Core.CreateDb())
        {
            // Someone else saved the row since this administrator looked at it.
            await db.RegionCalendarDays.Where(d => d.Id == seen.Id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Version, d => d.Version + 1));
        }

        var stale = await Calendar.RemoveAsync(await AdminAsync(), seen.Id, seen.Version);

        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.Single(await Calendar.ListAsync(await AdminAsync(), Panzhihua));
        Assert.Equal(new DateOnly(2020, 10, 10), await LastDayAsync(Panzhihua));
        Assert.Equal(1, await Core.CountAudit(AuditActions.Refused, seen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Two_administrators_removing_the_same_adjustment_the_second_is_told_of_the_conflict()
    {
        Assert.True((await AddAsync(Panzhihua, "2020-09-23", isOffDay: true)).Succeeded);
        var seen = Assert.Single(await Calendar.ListAsync(await AdminAsync(), Panzhihua));

        var first = await Calendar.RemoveAsync(await AdminAsync(), seen.Id, seen.Version);
        var second = await Calendar.RemoveAsync(await AdminAsync(), seen.Id, seen.Version);

        Assert.True(first.Succeeded);
        Assert.Equal(CommandStatus.Conflict, second.Status);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Deactivate));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class RegionCalendarTestsOnPostgres() : RegionCalendarTests(DatabaseProvider.PostgreSql);
