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

namespace Dashboard.Tests.Board;

/// <summary>The board re-renders from the shared snapshot when a region changes, with one aggregate read per change.</summary>
public sealed class BoardPageTests : ComponentTestContext
{
    private readonly BunitAuthorizationContext _auth;

    public BoardPageTests()
        : base(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero))
    {
        _auth = AddAuthorization();
        Services.AddScoped<CurrentUser>();
    }

    private async Task<AccessScope> SignInAsync(string userName)
    {
        string userId;
        await using (var db = Services.GetRequiredService<IDbContextFactory<Core.Persistence.DashboardDbContext>>().CreateDbContext())
        {
            userId = db.Users.Single(u => u.UserName == userName).Id;
        }

        _auth.SetAuthorized(userName);
        _auth.SetRoles("Supervisor");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(userId, null))!;
    }

    private async Task<AccessScope> DeskAsync()
    {
        await using var db = Services.GetRequiredService<IDbContextFactory<Core.Persistence.DashboardDbContext>>().CreateDbContext();
        var id = db.Users.Single(u => u.UserName == "desk").Id;
        return (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(id, null))!;
    }

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
