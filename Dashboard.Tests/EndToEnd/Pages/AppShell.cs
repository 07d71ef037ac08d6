using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>What every page has: its heading, the menu, the account menu and the snackbar.</summary>
internal class AppShell(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The page's title (its one h1).</summary>
    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true });

    public ILocator Heading() => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>A menu or page link by the app's text for it.</summary>
    public ILocator Link(string key, string culture = Ui.Chinese) => Page.GetByRole(AriaRole.Link, new() { Name = Ui.In(culture, key), Exact = true });

    public ILocator Button(string key) => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text(key), Exact = true });

    /// <summary>The account menu's button, named "&lt;display name&gt;，账号菜单".</summary>
    public ILocator AccountMenu => Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape(Ui.Text("User_Menu", "")) + "$") });

    public ILocator MenuItem(string key) => Page.GetByRole(AriaRole.Menuitem, new() { Name = Ui.Text(key), Exact = true });

    /// <summary>A snackbar message; MudBlazor's snackbar has no role of its own to find it by.</summary>
    public ILocator Snackbar(string text) => Page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    /// <summary>An open menu or select list: MudBlazor marks its popover open (and fades it in) by a class only.</summary>
    public ILocator OpenPopover => Page.Locator(".mud-popover-open");

    /// <summary>The dialog's box, the element MudBlazor fades in (the dialog role sits on it in markup MudBlazor owns).</summary>
    public ILocator DialogBox => Page.Locator(".mud-dialog");

    /// <summary>The notice that the page is still connecting, and takes no input until it is live.</summary>
    public ILocator Connecting => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Text("App_Connecting") });

    /// <summary>The prerendered copy a live page shows while it connects, which must take no input.</summary>
    public ILocator InertCopy => Page.Locator(".app-root[inert]");

    /// <summary>Blazor's "an error has occurred" bar, which the framework renders with a fixed id.</summary>
    public ILocator BlazorError => Page.Locator("#blazor-error-ui");

    /// <summary>
    /// Moves the tab to another page inside the app, as a menu link does (the circuit stays), and waits until
    /// the new page is interactive. The old page's heading is marked first, so the wait for the new heading in
    /// <see cref="WaitShownAsync"/> cannot mistake the old one for it.
    /// </summary>
    public async Task NavigateAsync(string url)
    {
        await Page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.dataset.left = 'true')");
        await Page.EvaluateAsync("url => Blazor.navigateTo(url)", url);
        await Page.WaitInteractiveAsync();
    }

    /// <summary>
    /// Waits until the page shows its heading and its data: no loading placeholder (the app's own, or
    /// MudBlazor's table progress bar, which has no role) is left.
    /// </summary>
    public async Task WaitShownAsync()
    {
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("h1:not([data-left])").First).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(InertCopy).ToHaveCountAsync(0);
        await Microsoft.Playwright.Assertions.Expect(Page.Locator(".loading-state, .mud-table-loading:visible")).ToHaveCountAsync(0);
    }

    public async Task SignOutAsync()
    {
        await AccountMenu.ClickAsync();
        await MenuItem("User_SignOut").ClickAsync();
    }
}
