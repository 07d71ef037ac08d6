using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>A dialog that refuses twice in a row says why both times, in the UI's language.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class DialogMessageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_second_refusal_in_a_row_shows_its_reason_again()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.LogHeldPatientAsync("两次拒绝", TestIds.Resident(area: "340102", start: 890));
        await page.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "作废" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var reason = dialog.Locator("textarea[data-field='Reason']");
        var message = dialog.Locator(".field-error");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(message).ToHaveTextAsync("请填写作废原因。");

        // Typing and clearing the reason ran MudBlazor's own validation, which used to swallow the next refusal.
        await reason.FillAsync("写错了");
        await reason.FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Expect(message).ToHaveTextAsync("请填写作废原因。");
        await Expect(dialog.GetByText("Required")).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("dialog-second-refusal");
        await reason.FillAsync("重复登记");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(page.Locator(".mud-chip[data-status='Voided']")).ToBeVisibleAsync();
    }
}
