using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class NotificationsInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Admin_is_told_why_a_webhook_url_is_refused_next_to_it_then_saves_a_valid_one()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var notifications = new NotificationsPage(page);
        await notifications.OpenAsync();
        await Expect(notifications.Heading(Ui.Text("Notify_Title"))).ToBeVisibleAsync();
        await Expect(notifications.LogEmpty).ToBeVisibleAsync();

        var dialog = await notifications.StartNewAsync();
        await dialog.ChooseAsync(dialog.Region, "衡阳");
        await dialog.ChooseAsync(dialog.Kind, Ui.Text("NotifyKind_Generic"));
        await dialog.Name.FillAsync("衡阳切换督导群");
        await dialog.Url.FillAsync("http://hooks.example.org/cutover");
        await dialog.Save.ClickAsync();
        await Expect(dialog.UrlMessage).ToHaveTextAsync(Ui.Text("Webhook_UrlHttpsRequired"));
        await Expect(dialog.Name).ToHaveValueAsync("衡阳切换督导群");
        await page.ScreenshotIfAskedAsync("admin-notifications-dialog");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        // A receiver on this machine that takes no connections: the test never sends anything off the machine.
        await dialog.Url.FillAsync("https://127.0.0.1:9/cutover?token=e2e-secret-token");
        await dialog.Save.ClickAsync();
        await Expect(dialog.Root).ToHaveCountAsync(0);
        var row = notifications.TargetRow("衡阳切换督导群");
        await Expect(row).ToContainTextAsync(Ui.Text("NotifyKind_Generic"));
        await Expect(row).ToContainTextAsync("https://127.0.0.1:9/cutover?token=••••oken");

        // The test message goes through the outbox; the refused connection shows in the log as it happens.
        await row.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Notify_SendTest"), Exact = true }).ClickAsync();
        await Expect(notifications.LogRows("衡阳切换督导群").First).ToContainTextAsync(Ui.Text("Notify_LogFailed"));
        await Expect(notifications.LogRows("衡阳切换督导群").First).ToContainTextAsync(Ui.Text("NotifyEvent_test"));
        await page.ScreenshotIfAskedAsync("admin-notifications");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await page.SetCultureAsync(Ui.English);
        await notifications.OpenAsync();
        await Expect(notifications.Heading(Ui.In(Ui.English, "Notify_Title"))).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("admin-notifications-en");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }
}
