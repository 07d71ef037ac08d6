using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>A record's history in the running app reads in the clerk's words.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordHistoryInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_held_patients_history_names_the_status_and_the_number_in_chinese()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.LogHeldPatientAsync("历史测试", TestIds.Resident(area: "340102", birth: "19770412", start: 420));

        await page.GetByRole(AriaRole.Button, new() { Name = "已在新平台补登记" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("input[data-field='Number']").FillAsync("NP-HIST-1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        var history = page.Locator(".record-history");
        await Expect(history.Locator(".history-change")).ToHaveTextAsync(["状态：已登记 → 已补登记", "新平台登记 / 结算号：— → NP-HIST-1"]);
        await page.ScreenshotIfAskedAsync("record-history-zh");
    }
}
