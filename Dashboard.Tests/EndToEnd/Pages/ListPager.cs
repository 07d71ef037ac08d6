using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>The pager under a record list: MudBlazor's buttons and the page-number box.</summary>
internal sealed class ListPager(ILocator list)
{
    /// <summary>The box, found by its label as a screen reader names it.</summary>
    public ILocator PageNumber => list.GetByLabel(Ui.Text("Pager_GoTo"), new() { Exact = true });

    /// <summary>Why a number was refused, shown under the box.</summary>
    public ILocator Refusal => list.Locator(".page-number-box").GetByRole(AriaRole.Alert);

    /// <summary>Types a page number and presses Enter, as a person at the keyboard does.</summary>
    public async Task GoToAsync(string number)
    {
        await PageNumber.FillAsync(number);
        await PageNumber.PressAsync("Enter");
    }
}
