using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Admin_creates_a_facility_and_the_change_is_in_the_audit_trail()
    {
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin);
        var shell = new AppShell(page);
        await Expect(shell.Heading(Ui.Text("Users_Title"))).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("admin-users");

        await shell.Link("Nav_Facilities").ClickAsync();
        var facilities = new FacilitiesPage(page);
        await Expect(facilities.Heading(Ui.Text("Facilities_Title"))).ToBeVisibleAsync();
        var dialog = await facilities.StartNewAsync();
        var code = OwnData.Unique("REH-H");
        await dialog.Code.FillAsync(code);
        await dialog.Name.FillAsync("演练市儿童医院");
        await dialog.ContactPhone.FillAsync("12345");
        await dialog.Save.ClickAsync();
        await Expect(dialog.Root.GetByText(Ui.Text("Validation_Phone"))).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("admin-facility-dialog");

        await dialog.ContactPhone.FillAsync("0551-62009009");
        await dialog.Save.ClickAsync();
        await Expect(facilities.FacilityLink("演练市儿童医院")).ToBeVisibleAsync();

        await shell.Link("Nav_Audit").ClickAsync();
        await Expect(new AuditPage(page).Events(code).First).ToContainTextAsync(Ui.Text("AuditAction_Create"));
        await page.ScreenshotIfAskedAsync("admin-audit");
    }
}
