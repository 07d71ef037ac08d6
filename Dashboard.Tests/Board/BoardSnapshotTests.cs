using Dashboard.Core.Persistence;
using Dashboard.Core.Board;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Infrastructure.RecordRows;

namespace Dashboard.Tests.Board;

/// <summary>
/// What a supervisor's board shows for a region: the held-patient funnel with overdue counts, the
/// facilities with the most overdue work first, and the burndown of outstanding items after go-live.
/// The rehearsal stops 2026-11-24 12:00, goes live 2026-12-06 02:00 and its catch-up ends 2026-12-18.
/// </summary>
public class BoardSnapshotTests : SeededCoreTests
{
    public BoardSnapshotTests()
    {
    }

    protected BoardSnapshotTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private async Task<RegionBoardSnapshot> RehearsalAsync()
    {
        await using var db = Core.CreateDb();
        var regionId = await db.Regions.Where(r => r.Code == "rehearsal").Select(r => r.Id).SingleAsync();
        return (await Core.Get<BoardSnapshots>().GetAsync(await Core.ScopeOf(DemoAccounts.Supervisor.UserName), regionId))!;
    }

    private async Task SeedBacklogAsync()
    {
        await Core.AddHeldAsync("REH-H01", "登记逾期", HeldPatientStatus.Logged, deadlineUtc: EndOf(2026, 11, 20), enteredUtc: LocalUtc(2026, 11, 12, 9, 0));
        await Core.AddHeldAsync("REH-H01", "登记", HeldPatientStatus.Logged, deadlineUtc: EndOf(2026, 12, 18));
        await Core.AddHeldAsync("REH-C01", "登记", HeldPatientStatus.Logged, deadlineUtc: EndOf(2026, 12, 18));
        await Core.AddHeldAsync("REH-H02", "补登记逾期", HeldPatientStatus.ReRegistered, deadlineUtc: EndOf(2026, 11, 21), enteredUtc: LocalUtc(2026, 11, 10, 8, 0));
        await Core.AddHeldAsync("REH-C01", "补登记", HeldPatientStatus.ReRegistered, deadlineUtc: EndOf(2026, 12, 18));
        await Core.AddHeldAsync("REH-C01", "结算", HeldPatientStatus.Settled, deadlineUtc: EndOf(2026, 12, 18));
        await Core.AddHeldAsync("REH-H01", "办结", HeldPatientStatus.Closed, deadlineUtc: EndOf(2026, 11, 20), resolvedUtc: LocalUtc(2026, 11, 21));
        await Core.AddHeldAsync("REH-H02", "作废", HeldPatientStatus.Voided, deadlineUtc: EndOf(2026, 11, 20), enteredUtc: LocalUtc(2026, 11, 1, 8, 0), resolvedUtc: LocalUtc(2026, 11, 2));
        await Core.AddHeldAsync("HEF-H01", "合肥", HeldPatientStatus.Logged, deadlineUtc: EndOf(2021, 12, 24));
        await Core.AddFormAsync("REH-H02", "单据逾期", PaperFormStatus.Received, deadlineUtc: EndOf(2026, 11, 20), enteredUtc: LocalUtc(2026, 11, 5, 9, 0));
        await Core.AddFormAsync("REH-C01", "单据", PaperFormStatus.Received, deadlineUtc: EndOf(2026, 12, 18));
        await Core.AddFormAsync("REH-H01", "单据已补录", PaperFormStatus.BackEntered, deadlineUtc: EndOf(2026, 11, 20), resolvedUtc: LocalUtc(2026, 11, 21));
    }

    [Fact]
    public async Task The_funnel_counts_held_patients_by_status_and_the_outstanding_and_overdue_ones_of_the_region_only()
    {
        await SeedBacklogAsync();

        var board = await RehearsalAsync();

        Assert.Equal(new BacklogFunnel(Logged: 3, ReRegistered: 2, Settled: 1, Closed: 1, Voided: 1, Overdue: 2), board.Held);
        Assert.Equal(6, board.Held.Outstanding);
        Assert.Equal((2, 1), (board.FormsOutstanding, board.FormsOverdue));
    }

    [Fact]
    public async Task Facilities_with_the_most_overdue_work_come_first_then_the_most_outstanding()
    {
        await SeedBacklogAsync();

        var facilities = (await RehearsalAsync()).Facilities;

        Assert.Equal(
            [("演练市中医医院", 2, 2), ("演练市第一人民医院", 2, 1), ("演练市城东社区卫生服务中心", 4, 0)],
            facilities.Take(3).Select(f => (f.FacilityName, f.Outstanding, f.Overdue)));
        Assert.Equal(5, facilities.Count);
        Assert.All(facilities.Skip(3), f => Assert.Equal((0, 0, (DateTime?)null), (f.Outstanding, f.Overdue, f.OldestUtc)));
    }

    [Fact]
    public async Task A_facilitys_oldest_item_is_its_oldest_open_patient_or_form_never_a_resolved_one()
    {
        await SeedBacklogAsync();

        var second = (await RehearsalAsync()).Facilities.Single(f => f.FacilityName == "演练市中医医院");

        // Its voided patient (2026-11-01) is older still, but no longer outstanding.
        Assert.Equal(LocalUtc(2026, 11, 5, 9, 0), second.OldestUtc);
    }

    [Fact]
    public async Task Before_go_live_there_is_no_burndown()
    {
        await SeedBacklogAsync();

        Assert.Empty((await RehearsalAsync()).Burndown);
    }

    [Fact]
    public async Task The_burndown_counts_outstanding_items_at_the_end_of_each_local_day_from_the_eve_of_go_live_to_the_deadline()
    {
        await Core.AddHeldAsync("REH-H01", "早登记", HeldPatientStatus.Logged, enteredUtc: LocalUtc(2026, 11, 25, 10, 0));
        await Core.AddHeldAsync("REH-H01", "七日办结", HeldPatientStatus.Closed, enteredUtc: LocalUtc(2026, 11, 26, 10, 0), resolvedUtc: LocalUtc(2026, 12, 7, 15, 0));
        await Core.AddHeldAsync("REH-H02", "八日凌晨作废", HeldPatientStatus.Voided, enteredUtc: LocalUtc(2026, 11, 27, 10, 0), resolvedUtc: LocalUtc(2026, 12, 8, 0, 30));
        await Core.AddFormAsync("REH-H01", "六日深夜补录", PaperFormStatus.BackEntered, enteredUtc: LocalUtc(2026, 11, 30, 10, 0), resolvedUtc: LocalUtc(2026, 12, 6, 23, 30));
        await Core.AddHeldAsync("REH-C01", "八日登记", HeldPatientStatus.Logged, enteredUtc: LocalUtc(2026, 12, 8, 9, 0));
        await Core.AddFormAsync("REH-C01", "今日登记", PaperFormStatus.Received, enteredUtc: LocalUtc(2026, 12, 9, 8, 0));
        await Core.AddHeldAsync("HEF-H01", "合肥", HeldPatientStatus.Logged, enteredUtc: LocalUtc(2026, 12, 1, 8, 0));
        Core.Clock.SetUtcNow(SeededPlans.Shanghai(2026, 12, 9, 12, 0));

        var burndown = (await RehearsalAsync()).Burndown;

        Assert.Equal(new DateOnly(2026, 12, 5), burndown[0].Day);
        Assert.Equal(new DateOnly(2026, 12, 18), burndown[^1].Day);
        Assert.Equal(Enumerable.Range(0, 14).Select(i => new DateOnly(2026, 12, 5).AddDays(i)), burndown.Select(p => p.Day));

        // 12-08 00:30 local is 12-07 16:30 UTC: it counts on 12-08, its local day, as 12-06 23:30 counts on 12-06.
        Assert.Equal([4, 3, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], burndown.Select(p => p.Outstanding));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class BoardSnapshotTestsOnPostgres() : BoardSnapshotTests(DatabaseProvider.PostgreSql);
