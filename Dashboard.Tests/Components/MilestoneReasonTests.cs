using System.Security.Claims;
using Bunit;
using Dashboard.Components.Pages.Plans;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Components;

/// <summary>
/// Marking a milestone at risk or missed asks for the reason of that status, in the supervisor's
/// words: "原因", never the "作废原因" (reason for voiding) a held patient's dialog asks for.
/// </summary>
public sealed class MilestoneReasonTests : ComponentTestContext
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public MilestoneReasonTests()
        : base(TestClocks.FirstStart)
    {
        _auth = AddAuthorization();
        Services.AddScoped<CurrentUser>();
    }

    private async Task<(IRenderedComponent<MilestoneActions> Actions, IRenderedComponent<MudDialogProvider> Dialogs)> RenderActionsAsync()
    {
        string userId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            userId = db.Users.Single(u => u.UserName == DemoAccounts.Supervisor.UserName).Id;
        }

        _auth.SetAuthorized(DemoAccounts.Supervisor.UserName);
        _auth.SetRoles("Supervisor");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var plan = (await Services.GetRequiredService<CutoverPlanService>().GetPlanAsync("rehearsal"))!;
        var goLive = plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive);
        var actions = Render<MilestoneActions>(p => p.Add(x => x.Milestone, goLive).Add(x => x.Zone, plan.TimeZone).Add(x => x.RegionCode, plan.Code));
        await actions.WaitForAssertionAsync(() => Assert.NotEmpty(actions.FindAll(".milestone-actions button")));
        return (actions, dialogs);
    }

    [Theory]
    [InlineData("zh-CN", "有风险", "原因 *", "请填写原因。", "作废")]
    [InlineData("zh-CN", "已错过", "原因 *", "请填写原因。", "作废")]
    [InlineData("en", "At risk", "Reason *", "Enter the reason.", "voiding")]
    [InlineData("en", "Missed", "Reason *", "Enter the reason.", "voiding")]
    public async Task The_reason_asked_for_is_the_statuss_not_a_void_reason(string culture, string action, string label, string refusal, string voiding)
    {
        using var _ = new UiCulture(culture);
        var (actions, dialogs) = await RenderActionsAsync();
        var button = actions.FindAll(".milestone-actions button").Single(b => b.TextContent.Trim() == action);

        // The click's handler waits for the dialog to close: it is not awaited here.
        var opening = button.ClickAsync(new());
        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-field=Reason]")));
        Assert.Equal(label, dialogs.Find(".mud-dialog .mud-input-label").TextContent.Trim());
        await dialogs.FindAll(".mud-dialog-actions button").Last().ClickAsync(new());
        Assert.False(opening.IsCompleted);

        await dialogs.WaitForAssertionAsync(() => Assert.Contains(refusal, dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(voiding, dialogs.Find(".mud-dialog").TextContent, StringComparison.OrdinalIgnoreCase);
    }

}
