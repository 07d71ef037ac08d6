using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>A dialog that refuses twice in a row says why both times, in the UI's language.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class DialogMessageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_second_refusal_in_a_row_shows_its_reason_again()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var record = await RecordPage.OfNewHeldPatientAsync(page, "两次拒绝", TestIds.Resident(area: "340102", start: 890));
        var dialog = await record.StartAsync("HPAction_Voided");

        await dialog.Confirm.ClickAsync();
        await Expect(dialog.Message).ToHaveTextAsync(Ui.Text("Status_ReasonRequired"));

        // Typing and clearing the reason ran MudBlazor's own validation, which used to swallow the next refusal.
        await dialog.Reason.FillAsync("写错了");
        await dialog.Reason.FillAsync("");
        await dialog.Confirm.ClickAsync();

        await Expect(dialog.Message).ToHaveTextAsync(Ui.Text("Status_ReasonRequired"));
        await Expect(dialog.Root.GetByText(Ui.In(Ui.English, "Mud_MudFormComponent_Required"))).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("dialog-second-refusal");
        await dialog.Reason.FillAsync("重复登记");
        await dialog.Confirm.ClickAsync();
        await Expect(record.Status("HPStatus_Voided")).ToBeVisibleAsync();
    }
}
