using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

internal static class PageExtensions
{
    /// <summary>Signs in through the login form, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, DemoAccounts.DemoAccount account)
    {
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SubmitAsync(account);
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.WaitInteractiveAsync();
    }

    /// <summary>
    /// Waits until the page's circuit is connected, so clicks reach the interactive page, not the prerendered
    /// one: the layout marks its root once the circuit runs (nothing a user sees, so no role to find it by).
    /// </summary>
    public static async Task WaitInteractiveAsync(this IPage page) =>
        await Expect(page.Locator(".app-root[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

    /// <summary>Opens a page and waits for it to be interactive.</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitInteractiveAsync();
    }

    /// <summary>Logs a held patient spanning the rehearsal's stop through the entry form; returns the record's URL.</summary>
    public static Task<string> LogHeldPatientAsync(this IPage page, string name, string idNumber) =>
        new HeldPatientForm(page).LogAsync(name, idNumber);

    /// <summary>Chooses the UI language as the language menu does (a cookie for the whole browser context).</summary>
    public static async Task SetCultureAsync(this IPage page, string culture) =>
        await page.GotoAsync($"/culture/set?culture={culture}&redirectUri=/");

    /// <summary>Saves a screenshot when E2E_SCREENSHOTS names a folder (for looking at the UI, not for asserting).</summary>
    public static async Task ScreenshotIfAskedAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("E2E_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            // Transitions finished: a button just enabled is shown as it settles, not halfway from its disabled grey.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
        }
    }
}
