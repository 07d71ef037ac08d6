using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Typing that the server did not hear all of: what the clerk sees in the box is what is saved.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class LostTypingTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>
    /// Typing whose input events never reach the server (a lost frame, an update overtaken on the way) must
    /// not be lost: what the box shows when the clerk leaves it, or presses Enter in it, is what is saved.
    /// Seen in CI: "Q-0042" typed, "Q-" kept, written back into the box on leaving it, and saved. The page
    /// here drops the field's input events for part of the typing, as such a loss would.
    /// </summary>
    [Fact]
    public async Task What_the_box_shows_is_saved_even_when_part_of_the_typing_never_reached_the_server()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var form = new PaperFormForm(page);
        await form.OpenAsync();
        await form.SerialNumber.PressSequentiallyAsync("LX-");
        await DropInputEventsAsync(page, true);
        await form.SerialNumber.PressSequentiallyAsync("7701");
        await DropInputEventsAsync(page, false);
        await form.PatientName.PressSequentiallyAsync("丢失输入");
        await Expect(form.SerialNumber).ToHaveValueAsync("LX-7701");
        await form.IdNumber.PressSequentiallyAsync(TestIds.Resident(area: "340102", start: 840));
        await form.Destination.PressSequentiallyAsync("合肥市第二人民医院");
        await form.IssuedBy.PressSequentiallyAsync("李医生");
        await page.Keyboard.PressAsync("Enter");
        await Expect(form.Heading(PaperFormForm.TransferTitle("LX-7701"))).ToBeVisibleAsync();

        // Enter in the field whose typing was lost: the save takes what the box shows too.
        await form.OpenAsync();
        await form.PatientName.PressSequentiallyAsync("丢失输入二");
        await form.IdNumber.PressSequentiallyAsync(TestIds.Resident(area: "340102", start: 850));
        await form.Destination.PressSequentiallyAsync("合肥市第二人民医院");
        await form.IssuedBy.PressSequentiallyAsync("李医生");
        await form.SerialNumber.PressSequentiallyAsync("LX-");
        await DropInputEventsAsync(page, true);
        await form.SerialNumber.PressSequentiallyAsync("7702");
        await DropInputEventsAsync(page, false);
        await page.Keyboard.PressAsync("Enter");
        await Expect(form.Heading(PaperFormForm.TransferTitle("LX-7702"))).ToBeVisibleAsync();
    }

    /// <summary>While on, the serial number's input events stop before the page's own listeners, so the server never hears of them.</summary>
    private static Task DropInputEventsAsync(IPage page, bool drop) => page.EvaluateAsync("""
        drop => {
          if (!window.__dropSerialInput) {
            window.__dropSerialInput = { on: false };
            window.addEventListener('input', e => {
              if (window.__dropSerialInput.on && e.target instanceof Element && e.target.closest('[data-field="SerialNumber"]')) {
                e.stopImmediatePropagation();
              }
            }, true);
          }
          window.__dropSerialInput.on = drop;
        }
        """, drop);
}
