using Dashboard.Core.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_creates_a_facility_and_the_change_is_in_the_audit_trail()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("admin-users");

        await page.GetByRole(AriaRole.Link, new() { Name = "定点医药机构" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "定点医药机构", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新建机构" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("机构编码").FillAsync("REH-H09");
        await dialog.GetByLabel("机构名称").FillAsync("演练市儿童医院");
        await dialog.GetByLabel("联系电话").FillAsync("12345");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(dialog.GetByText("请输入手机号或带区号的座机号")).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("admin-facility-dialog");

        await dialog.GetByLabel("联系电话").FillAsync("0551-62009009");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "演练市儿童医院" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Facility" }).First).ToContainTextAsync("新建");
        await page.ScreenshotIfAskedAsync("admin-audit");
    }
}
