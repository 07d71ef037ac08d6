using Dashboard.Core.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task Billing_desk_signs_in_lands_on_its_facility_and_cannot_open_admin_pages()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = DemoAccounts.Desk.Password })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("login");

        await page.SignInAsync(DemoAccounts.Desk);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/facilities/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "演练市第一人民医院", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("desk-facility");

        var response = await page.GotoAsync("/admin/users");
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "用户" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_password_shows_a_clear_message_and_keeps_the_user_name()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("用户名").FillAsync("supervisor");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");
        await Expect(page.GetByLabel("用户名")).ToHaveValueAsync("supervisor");
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_returned_after()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/facilities");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        await page.GetByLabel("用户名").FillAsync(DemoAccounts.Supervisor.UserName);
        await page.GetByLabel("密码").FillAsync(DemoAccounts.Supervisor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "定点医药机构", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "合肥市第一人民医院" })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("supervisor-facilities");
    }

    [Fact]
    public async Task A_signed_in_supervisor_works_in_english_after_switching()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Supervisor);

        await page.GotoAsync("/culture/set?culture=en&redirectUri=/board");
        await page.WaitInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supervisor board", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Catch-up lists" })).ToBeVisibleAsync();
        await Expect(page.Locator(".region-board[data-region=rehearsal]")).ToContainTextAsync("Held patients by status");
        await page.ScreenshotIfAskedAsync("board-en");
    }
}
