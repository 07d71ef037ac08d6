using System.Collections.Concurrent;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The real app on a Kestrel port of this machine and Debian's Chromium driven by Playwright
/// (the Playwright browser download does not work here; run-tests.sh installs chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>Debian's Chromium, headless, without the background traffic this closed network refuses.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs };

    private readonly ConcurrentDictionary<string, Lazy<Task<SignedInBrowser>>> _signedIn = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardAppFactory App { get; } = new(new BrowserClock());

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server reports no addresses.");
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

        // The suite shares two cores with the server and the other test collections: give the UI
        // time to answer under load rather than fail on a slow first render.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(LaunchOptions);
    }

    /// <summary>
    /// A fresh browser context with a desk monitor's viewport: its own cookies, or those of
    /// <paramref name="signedInAs"/> (another PC of the same account).
    /// </summary>
    public async Task<IPage> NewPageAsync(IPage? signedInAs = null)
    {
        var context = await Browser.NewContextAsync(NewContextOptions(signedInAs is null ? null : await signedInAs.Context.StorageStateAsync()));
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new tab of <paramref name="account"/>'s browser, signed in, on a blank page. Each account signs in
    /// through the login form once per app and keeps that browser, with one blank tab always open (a desk's
    /// PC keeps its browser running): on this machine a tab in a fresh browser costs Chromium about 2.3 s of
    /// CPU, one in a running browser 1.4 s, and the suite is CPU-bound on two cores. A test's first tab starts
    /// from the signed-in cookies, whatever the last test did to them (a chosen language, a sign-out).
    /// For another PC of the same person, use <see cref="NewPageAsync(IPage?)"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(DemoAccounts.DemoAccount account)
    {
        var signedIn = await _signedIn.GetOrAdd(account.UserName, _ => new(() => SignInOnceAsync(account))).Value;
        if (signedIn.Context.Pages.Count == 1)
        {
            await signedIn.Context.ClearCookiesAsync();
            await signedIn.Context.AddCookiesAsync(signedIn.Cookies);
        }

        return await signedIn.Context.NewPageAsync();
    }

    /// <summary>
    /// Ends a test: closes every tab it opened and every browser it started, so nothing it left open keeps
    /// ticking and painting through the rest of the run. The accounts' signed-in browsers stay, with their blank tab.
    /// </summary>
    public async Task EndTestAsync()
    {
        var kept = _signedIn.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully)
            .Select(s => s.Value.Result.Context).ToHashSet();
        foreach (var context in Browser.Contexts.ToList())
        {
            if (!kept.Contains(context))
            {
                await context.CloseAsync();
                continue;
            }

            foreach (var page in context.Pages.Skip(1).ToList())
            {
                await page.CloseAsync();
            }
        }
    }

    private async Task<SignedInBrowser> SignInOnceAsync(DemoAccounts.DemoAccount account)
    {
        var context = await Browser.NewContextAsync(NewContextOptions(null));
        var page = await context.NewPageAsync();
        await page.SignInAsync(account);
        await page.GotoAsync("about:blank");
        var cookies = (await context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }).ToList();
        return new SignedInBrowser(context, cookies);
    }

    private sealed record SignedInBrowser(IBrowserContext Context, IReadOnlyList<Cookie> Cookies);

    private BrowserNewContextOptions NewContextOptions(string? storageState) => new()
    {
        BaseURL = BaseUrl,
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        StorageState = storageState,
    };

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// A second app and browser (the entry flows' many tabs, the workflow, dialogs), so they run
/// beside the other browser tests instead of after them: browser tests mostly wait on round trips,
/// and the suite must stay within its time budget on two cores. The classes are spread over the
/// three collections so each takes about the same time (measured per class from a trx log).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Second browser";
}

/// <summary>A third app and browser, for every page's audit and the live board; see <see cref="SecondBrowserCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ThirdBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Third browser";
}
