using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>A desk on a county hospital's line: every message between browser and server takes its time.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlowLineEntryTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// MudBlazor's text field answered a click by asking the server to focus the input. Over a slow line the
    /// call came back after the clerk had clicked into the next field and typed on, and pulled the cursor
    /// back: the ID number kept one digit and the rest went into the name.
    /// </summary>
    [Fact]
    public async Task A_clerk_who_clicks_into_each_field_and_types_at_once_keeps_every_key_in_its_field()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        await SlowLink.RouteAsync(page, Latency);
        var form = new HeldPatientForm(page);
        await form.OpenAsync();
        var id = TestIds.Resident(area: "340102", birth: "19850611", endingInX: true, start: 310);

        await form.PatientName.ClickAsync();
        await page.Keyboard.TypeAsync("慢线路患者");
        await form.IdNumber.ClickAsync();
        await page.Keyboard.TypeAsync(id);
        await form.Phone.ClickAsync();
        await page.Keyboard.TypeAsync("13800138000");

        await Expect(form.PatientName).ToHaveValueAsync("慢线路患者");
        await Expect(form.IdNumber).ToHaveValueAsync(id);
        await Expect(form.Phone).ToHaveValueAsync("13800138000");
        await Expect(form.Phone).ToBeFocusedAsync();
    }
}
