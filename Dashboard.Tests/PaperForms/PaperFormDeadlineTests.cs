using Dashboard.Core.Records;
using Dashboard.Core.CatchUp;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.PaperForms;

/// <summary>
/// A paper form's deadline is its region's catch-up deadline, and follows the go-live when a
/// supervisor moves it. The clock is 2026-11-22 12:00 local; the rehearsal's catch-up ends 2026-12-18.
/// </summary>
public sealed class PaperFormDeadlineTests : SeededCoreTests
{
    private async Task<int> RegisterAsync(string serial)
    {
        var desk = await Core.ScopeOf("desk");
        var result = await Core.Get<PaperFormService>().CreateAsync(desk, new PaperFormInput
        {
            FacilityId = desk.FacilityId!.Value, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity, SerialNumber = serial,
            PatientName = "期限测试", IdNumber = TestIds.Resident(start: 500), Destination = "演练市中医医院", IssuedAt = "2026-11-21 15:00", IssuedBy = "李医生",
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private async Task MoveGoLiveAsync(string localTime)
    {
        var editing = Core.Get<PlanEditingService>();
        var supervisor = await Core.ScopeOf("supervisor");
        var plan = (await Core.Get<CutoverPlanService>().GetPlanAsync("rehearsal"))!;

        // A go-live cannot come before the stop: an earlier go-live means the stop came earlier too.
        var stop = plan.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        if (stop.DueUtc > SeededPlans.Shanghai(2026, 11, 1, 18))
        {
            Assert.True((await editing.MoveAsync(supervisor, stop.Id, stop.Version, "2026-11-01 18:00", "切换提前", confirmed: true)).Succeeded);
        }

        var goLive = plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var result = await editing.MoveAsync(supervisor, goLive.Id, goLive.Version, localTime, "切换提前", confirmed: true);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_form_gets_its_regions_deadline_when_registered()
    {
        var id = await RegisterAsync("D-0001");

        var form = await Core.Get<PaperFormQueries>().GetAsync(await Core.ScopeOf("desk"), id);

        Assert.Equal(RecordRows.EndOf(2026, 12, 18), form!.DeadlineUtc);
        Assert.False(form.IsOverdue);
    }

    [Fact]
    public async Task Moving_go_live_earlier_moves_every_forms_deadline_and_makes_the_open_ones_overdue()
    {
        var desk = await Core.ScopeOf("desk");
        var open = await RegisterAsync("D-0002");
        var backEntered = await RegisterAsync("D-0003");
        var version = (await Core.Get<PaperFormQueries>().GetAsync(desk, backEntered))!.Version;
        Assert.True((await Core.Get<PaperFormService>().ChangeStatusAsync(desk, backEntered, version, new StatusChange<PaperFormStatus>(PaperFormStatus.BackEntered, Number: "BA-1"))).Succeeded);
        var hefeiForm = await Core.AddFormAsync("HEF-H01", "合肥单据", deadlineUtc: RecordRows.EndOf(2021, 12, 24));

        // Go-live Monday 2026-11-02: ten working days later is Monday 2026-11-16, before today.
        await MoveGoLiveAsync("2026-11-02 08:00");

        var queries = Core.Get<PaperFormQueries>();
        var openForm = (await queries.GetAsync(desk, open))!;
        var closedForm = (await queries.GetAsync(desk, backEntered))!;
        Assert.Equal(RecordRows.EndOf(2026, 11, 16), openForm.DeadlineUtc);
        Assert.True(openForm.IsOverdue);
        Assert.Equal(RecordRows.EndOf(2026, 11, 16), closedForm.DeadlineUtc);
        Assert.False(closedForm.IsOverdue);
        Assert.Equal([open], (await queries.SearchAsync(desk, new PaperFormFilter(OverdueOnly: true), 0, 10)).Items.Select(f => f.Id));
        Assert.Equal(1, (await Core.Get<CatchUpQueries>().CountAsync(desk, new CatchUpFilter(OverdueOnly: true))).FormsOverdue);
        Assert.Equal(RecordRows.EndOf(2021, 12, 24), (await queries.GetAsync(await Core.ScopeOf("demo-admin"), hefeiForm))!.DeadlineUtc);
    }

    [Fact]
    public async Task Moving_go_live_later_gives_an_overdue_form_its_time_back()
    {
        var desk = await Core.ScopeOf("desk");
        var id = await RegisterAsync("D-0004");
        await MoveGoLiveAsync("2026-11-02 08:00");
        Assert.True((await Core.Get<PaperFormQueries>().GetAsync(desk, id))!.IsOverdue);

        // Go-live Monday 2026-11-16: ten working days later is Monday 2026-11-30.
        await MoveGoLiveAsync("2026-11-16 08:00");

        var form = (await Core.Get<PaperFormQueries>().GetAsync(desk, id))!;
        Assert.Equal(RecordRows.EndOf(2026, 11, 30), form.DeadlineUtc);
        Assert.False(form.IsOverdue);
    }
}
