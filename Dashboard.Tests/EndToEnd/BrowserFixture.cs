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

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();
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
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
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
    /// A fresh browser context already signed in as <paramref name="account"/>, on a blank page: each account
    /// signs in through the login form once per app, and every later test starts from its cookies
    /// (as another tab of the same person would), instead of paying for a sign-in each time.
    /// </summary>
    public async Task<IPage> NewPageAsync(DemoAccounts.DemoAccount account)
    {
        var state = await _signedIn.GetOrAdd(account.UserName, _ => new(() => SignInOnceAsync(account))).Value;
        var context = await Browser.NewContextAsync(NewContextOptions(state));
        return await context.NewPageAsync();
    }

    private async Task<string> SignInOnceAsync(DemoAccounts.DemoAccount account)
    {
        var page = await NewPageAsync();
        await using var context = page.Context;
        await page.SignInAsync(account);
        return await context.StorageStateAsync();
    }

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
