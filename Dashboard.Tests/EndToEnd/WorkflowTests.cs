using Dashboard.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The dialogs and account flows people use every day, driven through the browser.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class WorkflowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Desk_moves_a_held_patient_on_to_re_registered_with_the_new_platform_number()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.LogHeldPatientAsync("状态测试", TestIds.Resident(area: "340102", start: 600));
        await page.WaitInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "已在新平台补登记" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(dialog.GetByText("请填写新平台的登记或结算号")).ToBeVisibleAsync();
        await dialog.Locator("input[data-field='Number']").FillAsync("NP2026112201");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Expect(page.Locator(".mud-chip[data-status='ReRegistered']")).ToBeVisibleAsync();
        await Expect(page.Locator(".record-details")).ToContainTextAsync("NP2026112201");
        await Expect(page.Locator(".record-history")).ToContainTextAsync("状态变更");
    }

    [Fact]
    public async Task Supervisor_moves_a_milestone_with_a_reason_and_the_timeline_and_history_show_it()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Supervisor);
        await page.OpenAsync("/regions/rehearsal");
        var goLive = page.Locator(".milestone[data-kind='GoLive']");
        var oldTime = (await goLive.Locator(".milestone-time").TextContentAsync())!.Trim();
        var newTime = DateTime.ParseExact(oldTime, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        await goLive.Locator(".move-milestone").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("input[data-field='NewTime']").FillAsync("明天");
        await dialog.Locator("textarea[data-field='Reason']").FillAsync("接口联调推迟一天");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "调整时间" }).ClickAsync();
        await Expect(dialog.GetByText("时间格式应为")).ToBeVisibleAsync();
        await dialog.Locator("input[data-field='NewTime']").FillAsync(newTime);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "调整时间" }).ClickAsync();

        await Expect(goLive.Locator(".milestone-time")).ToHaveTextAsync(newTime);
        await Expect(goLive).ToContainTextAsync("接口联调推迟一天");
        await goLive.Locator(".milestone-history-toggle").ClickAsync();
        await Expect(goLive.Locator(".record-history")).ToContainTextAsync("调整节点时间");
    }

    [Fact]
    public async Task A_user_changes_their_password_signs_out_and_signs_in_with_the_new_one()
    {
        // An account of its own: the demo accounts are shared by every browser test.
        var account = await NewManagerAsync("pw.changer", "Changer-old-2026");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(account);
        await page.GotoAsync("/account/password");
        await page.GetByLabel("当前密码").FillAsync(account.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("确认新密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Expect(page.GetByText("密码至少 10 个字符")).ToBeVisibleAsync();

        await page.GetByLabel("当前密码").FillAsync(account.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Manager-new-2026");
        await page.GetByLabel("确认新密码").FillAsync("Manager-new-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Expect(page.GetByText("密码已修改")).ToBeVisibleAsync();

        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "账号菜单" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "退出登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
        await page.SignInAsync(account with { Password = "Manager-new-2026" });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "账号菜单" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_creates_a_billing_desk_user_who_signs_in_with_the_one_time_password()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("用户名").FillAsync("new.desk");
        await dialog.GetByLabel("姓名 / 显示名").FillAsync("新收费员");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(dialog.GetByText("收费处账号必须绑定一个启用中的机构")).ToBeVisibleAsync();

        await dialog.GetByLabel("所属机构").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "演练（合肥） · 演练市中医医院" }).ClickAsync();

        // As a person does: the message goes (and the dialog gets shorter) before they press Save again.
        await Expect(dialog.GetByText("收费处账号必须绑定一个启用中的机构")).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var password = await page.GetByRole(AriaRole.Dialog, new() { Name = "一次性密码" }).Locator("input").InputValueAsync();
        Assert.True(password.Length >= 10);

        var desk = await browser.NewPageAsync();
        await desk.SignInAsync(new DemoAccounts.DemoAccount("new.desk", password, Core.Accounts.UserRole.BillingDesk, "新收费员"));
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "演练市中医医院", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task<DemoAccounts.DemoAccount> NewManagerAsync(string userName, string password)
    {
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var result = await users.CreateAsync(new ApplicationUser { UserName = userName, DisplayName = "改密码的经理", Role = UserRole.Manager, CreatedUtc = now }, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new DemoAccounts.DemoAccount(userName, password, UserRole.Manager, "改密码的经理");
    }
}
