using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The side menu as a drawer: beside the page on a desk monitor, over it on a narrow screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SideMenuTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task On_a_narrow_screen_the_menu_closes_once_a_link_is_followed_and_on_a_desk_monitor_it_stays()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        await page.SetViewportSizeAsync(800, 900);
        var shell = new OverviewPage(page);
        await shell.OpenAsync();
        var drawer = page.Locator(".mud-drawer");

        // The drawer starts open and closes itself once the browser has told the server how wide it is.
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await shell.Button("Nav_Toggle").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await page.ScreenshotIfAskedAsync("menu-narrow-open");
        await shell.Link("Nav_HeldPatients").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/held-patients$"));
        await Expect(drawer).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await page.ScreenshotIfAskedAsync("menu-narrow-closed");

        await page.SetViewportSizeAsync(1366, 768);
        await shell.OpenAsync();
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await shell.Link("Nav_PaperForms").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/paper-forms$"));
        await Expect(shell.Link("Nav_PaperForms")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
    }
}
