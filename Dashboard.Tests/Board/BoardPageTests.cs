using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Components.Pages.Board;
using Dashboard.Core.Access;
using Dashboard.Core.Board;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Readiness;
using Dashboard.Security;
using Dashboard.Tests.Components;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Board;

/// <summary>The board re-renders from the shared snapshot when a region changes, with one aggregate read per change.</summary>
public sealed class BoardPageTests : BoardTestContext
{
    [Fact]
    public async Task Open_boards_show_a_new_patient_after_one_shared_aggregate_read()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("supervisor");
        var first = Render<BoardPage>();
        var second = Render<BoardPage>();
        await first.WaitForAssertionAsync(() => Assert.Equal("0", first.Find("[data-region=rehearsal] .held-outstanding").TextContent));
        var snapshots = Services.GetRequiredService<BoardSnapshots>();
        var readsBefore = snapshots.Computations;

        var desk = await DeskAsync();
        await Services.GetRequiredService<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "看板测试", IdNumber = TestIds.Resident(start: 960), AdmittedAt = "2026-11-21 09:00",
        });
        Clock.Advance(BoardSnapshots.Coalesce);

        await first.WaitForAssertionAsync(() => Assert.Equal("1", first.Find("[data-region=rehearsal] .held-outstanding").TextContent));
        await second.WaitForAssertionAsync(() => Assert.Equal("1", second.Find("[data-region=rehearsal] .held-outstanding").TextContent));
        Assert.Equal(readsBefore + 1, snapshots.Computations);
    }

    /// <summary>A new patient in one region renders that region's card again and leaves the others as they were.</summary>
    [Fact]
    public async Task A_change_in_one_region_renders_only_that_regions_card()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.Equal("0", board.Find("[data-region=rehearsal] .held-outstanding").TextContent));
        var names = board.FindComponents<RegionBoardCard>().ToDictionary(c => c.Instance.Snapshot.Plan.Code);
        var rendersBefore = names.ToDictionary(n => n.Key, n => n.Value.RenderCount);

        var desk = await DeskAsync();
        await Services.GetRequiredService<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "只刷新本地区", IdNumber = TestIds.Resident(start: 970), AdmittedAt = "2026-11-21 09:00",
        });
        Clock.Advance(BoardSnapshots.Coalesce);

        // The update renders on a pool thread: the page's text can show before each child's render is counted.
        await board.WaitForAssertionAsync(() => Assert.Equal("1", board.Find("[data-region=rehearsal] .held-outstanding").TextContent));
        await board.WaitForAssertionAsync(() => Assert.True(names["rehearsal"].RenderCount > rendersBefore["rehearsal"]));
        Assert.All(names.Where(n => n.Key != "rehearsal"), n => Assert.Equal(rendersBefore[n.Key], n.Value.RenderCount));
    }

    [Fact]
    public async Task A_facility_that_reports_ready_stops_being_listed_as_not_reported()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("supervisor");
        var board = Render<BoardPage>();
        await board.WaitForAssertionAsync(() => Assert.Contains("未报到", board.Find("[data-region=rehearsal] .facility-backlog").TextContent, StringComparison.Ordinal));
        var notReportedBefore = board.FindAll("[data-region=rehearsal] .not-reported").Count;

        var desk = await DeskAsync();
        await Services.GetRequiredService<ReadinessService>().CheckInAsync(desk, desk.FacilityId!.Value,
            new ReadinessInput(ReadinessStage.BeforeStop, InFlightCleared: true, StaffBriefed: true, FormsStocked: true, FirstSettlementSucceeded: false, Note: null));
        Clock.Advance(BoardSnapshots.Coalesce);

        await board.WaitForAssertionAsync(() => Assert.Equal(notReportedBefore - 1, board.FindAll("[data-region=rehearsal] .not-reported").Count));
    }
}
