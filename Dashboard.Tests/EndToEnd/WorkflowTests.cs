using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The dialogs and account flows people use every day, driven through the Browser.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class WorkflowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Desk_moves_a_held_patient_on_to_re_registered_with_the_new_platform_number()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var record = await RecordPage.OfNewHeldPatientAsync(page, "状态测试", TestIds.Resident(area: "340102", start: 600));

        var dialog = await record.StartAsync("HPAction_ReRegistered");
        await dialog.Confirm.ClickAsync();
        await Expect(dialog.Message).ToHaveTextAsync(Ui.Text("Status_NumberRequired"));
        await dialog.Number.FillAsync("NP2026112201");
        await dialog.Confirm.ClickAsync();

        await Expect(record.Status("HPStatus_ReRegistered")).ToBeVisibleAsync();
        await Expect(record.Detail("NP2026112201")).ToBeVisibleAsync();
        await Expect(record.History).ToContainTextAsync(Ui.Text("AuditAction_StatusChange"));
    }

    [Fact]
    public async Task Admin_creates_a_plan_moves_its_go_live_with_a_reason_and_the_timeline_and_history_show_it()
    {
        // A region of its own: moving the rehearsal's go-live would move every later test's deadlines.
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = OwnData.Unique("move");
        var newPlan = new NewPlanPage(page);
        await newPlan.OpenAsync();
        await newPlan.CreateAsync(code, "调整演练", "Move drill", BrowserClock.Start.UtcDateTime.AddDays(10).Date.AddHours(18));
        var region = new RegionPage(page, code);
        var goLive = nameof(MilestoneKind.GoLive);
        var newTime = (await region.LocalTimeOfAsync(goLive)).AddDays(1).ToString(RegionPage.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);

        var dialog = await region.StartMoveAsync(goLive);
        await dialog.NewTime.FillAsync("明天");
        await dialog.Reason.FillAsync("接口联调推迟一天");
        await dialog.Move.ClickAsync();
        await Expect(dialog.Message).ToHaveTextAsync(Ui.Text("Milestone_TimeFormat"));
        await dialog.NewTime.FillAsync(newTime);
        await dialog.Move.ClickAsync();

        await Expect(region.TimeOf(goLive)).ToHaveTextAsync(newTime);
        await Expect(region.Milestone(goLive)).ToContainTextAsync("接口联调推迟一天");
        await page.ScreenshotIfAskedAsync("workflow-milestone-moved");
        var history = await region.ShowHistoryAsync(goLive);
        await Expect(history).ToContainTextAsync(Ui.Text("AuditAction_MilestoneMove"));
    }

    [Fact]
    public async Task A_user_changes_their_password_signs_out_and_signs_in_with_the_new_one()
    {
        // An account of its own: the demo accounts are shared by every browser test.
        var account = await Browser.ManagerAsync("改密码的经理", "Changer-old-2026");
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(account);
        var password = new ChangePasswordPage(page);
        await password.OpenAsync();
        await password.ChangeAsync(account.Password, "short");
        await Expect(page.GetByText(Ui.Text("IdentityError_PasswordTooShort"))).ToBeVisibleAsync();

        await password.ChangeAsync(account.Password, "Manager-new-2026");
        await Expect(page.GetByText(Ui.Text("Password_Changed"))).ToBeVisibleAsync();

        await page.OpenAsync("/");
        await password.SignOutAsync();
        await Expect(password.Link("User_SignIn")).ToBeVisibleAsync();
        await page.SignInAsync(account with { Password = "Manager-new-2026" });
        await Expect(password.AccountMenu).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_creates_a_billing_desk_user_who_signs_in_with_the_one_time_password()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var users = new UsersPage(page);
        await users.OpenAsync();
        var dialog = await users.StartNewAsync();
        var userName = OwnData.Unique("new.desk");
        await dialog.UserName.FillAsync(userName);
        await dialog.DisplayName.FillAsync("新收费员");
        await dialog.Save.ClickAsync();
        var facilityRequired = dialog.Root.GetByText(Ui.Text("Users_FacilityRequired"));
        await Expect(facilityRequired).ToBeVisibleAsync();

        await dialog.ChooseFacilityAsync("演练（合肥）", "演练市中医医院");

        // As a person does: the message goes (and the dialog gets shorter) before they press Save again.
        await Expect(facilityRequired).ToHaveCountAsync(0);
        await dialog.Save.ClickAsync();
        var oneTimePassword = await users.OneTimePassword.InputValueAsync();
        Assert.True(oneTimePassword.Length >= 10);

        // The administrator knows the one-time password: the new user must choose their own before anything else.
        var desk = await Browser.NewPageAsync();
        var login = new LoginPage(desk);
        await login.OpenAsync();
        await login.SubmitAsync(userName, oneTimePassword);
        await Expect(desk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
        await Expect(desk.GetByText(Ui.Text("Password_MustChange"))).ToBeVisibleAsync();
        var password = new ChangePasswordPage(desk);
        await password.ChangeAsync(oneTimePassword, "Password12");
        await Expect(desk.GetByText(Ui.Text("IdentityError_PasswordCommon"))).ToBeVisibleAsync();
        await desk.ScreenshotIfAskedAsync("password-must-change-refused");

        await password.ChangeAsync(oneTimePassword, "Tidewater-desk-5150");
        await Expect(desk.GetByText(Ui.Text("Password_Changed"))).ToBeVisibleAsync();
        await desk.ScreenshotIfAskedAsync("password-must-change-done");
        await password.Link("Password_Continue").ClickAsync();
        await Expect(new AppShell(desk).Heading("演练市中医医院")).ToBeVisibleAsync();
    }
}
