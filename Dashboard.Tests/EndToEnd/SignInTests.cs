using System.Text.RegularExpressions;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Billing_desk_signs_in_lands_on_its_facility_and_cannot_open_admin_pages()
    {
        var page = await Browser.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = DemoAccounts.Desk.Password })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("login");

        await page.SignInAsync(DemoAccounts.Desk);

        await Expect(page).ToHaveURLAsync(new Regex(@"/facilities/\d+$"));
        await Expect(login.Heading("演练市第一人民医院")).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("desk-facility");

        var response = await page.GotoAsync("/admin/users");
        Assert.Equal(403, response!.Status);
        await Expect(login.Heading(Ui.Text("Denied_Title"))).ToBeVisibleAsync();
        await Expect(login.Link("Nav_Users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_password_shows_a_clear_message_and_keeps_the_user_name()
    {
        // An account of its own: failed sign-ins are counted per address and account.
        var account = await Browser.ManagerAsync("登录失败的经理", "Failing-sign-in-2026");
        var page = await Browser.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();

        await login.SubmitAsync(account.UserName, "not-the-password");

        await Expect(login.Failure).ToBeVisibleAsync();
        await Expect(login.UserName).ToHaveValueAsync(account.UserName);
        await Expect(login.Password).ToHaveValueAsync("");
        await page.ScreenshotIfAskedAsync("login-refused");
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_returned_after()
    {
        var page = await Browser.NewPageAsync();

        await page.GotoAsync("/facilities");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        var login = new LoginPage(page);
        await login.SubmitAsync(DemoAccounts.Supervisor);

        await Expect(login.Heading(Ui.Text("Facilities_Title"))).ToBeVisibleAsync();
        await Expect(new FacilitiesPage(page).FacilityLink("合肥市第一人民医院")).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("supervisor-facilities");
    }

    [Fact]
    public async Task A_signed_in_supervisor_works_in_english_after_switching()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Supervisor);

        await page.GotoAsync("/culture/set?culture=en&redirectUri=/board");
        await page.WaitInteractiveAsync();

        var board = new BoardPage(page);
        await Expect(board.Heading(Ui.In(Ui.English, "Board_Title"))).ToBeVisibleAsync();
        await Expect(board.Link("Nav_CatchUp", Ui.English)).ToBeVisibleAsync();
        await Expect(board.Region(RehearsalRegion.Code)).ToContainTextAsync(Ui.In(Ui.English, "Board_Funnel"));
        await page.ScreenshotIfAskedAsync("board-en");
    }
}
