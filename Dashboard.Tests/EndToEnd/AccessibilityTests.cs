using System.Collections.Concurrent;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Every main page, for each role that reaches it and in both languages, has no serious or critical
/// axe-core violation: nothing that blocks a screen-reader or keyboard user or that low-vision staff
/// cannot read. One case per role and language walks that role's pages in one tab, as a person moving
/// through the menu would, and reports every page's violations at once.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AccessibilityTests.SignedInCookies sessions)
    : IClassFixture<AccessibilityTests.SignedInCookies>
{
    private const string Anonymous = "anonymous";
    private const string HeldPatientRecord = "{held-patient}";
    private const string OwnFacility = "{own-facility}";

    private static readonly Dictionary<string, DemoAccounts.DemoAccount> Accounts = new()
    {
        ["desk"] = DemoAccounts.Desk,
        ["supervisor"] = DemoAccounts.Supervisor,
        ["manager"] = DemoAccounts.Manager,
        ["admin"] = DemoAccounts.Admin,
    };

    /// <summary>
    /// The pages each role reaches from its menu and the pages' own buttons; pages that load as whole
    /// documents come last, as client-side navigation needs the tab's circuit.
    /// </summary>
    private static readonly Dictionary<string, string[]> PagesOf = new()
    {
        [Anonymous] = ["/", "/regions/rehearsal", "/account/login"],
        ["desk"] =
        [
            "/", OwnFacility, "/regions/rehearsal", "/held-patients", "/held-patients/new", HeldPatientRecord,
            HeldPatientRecord + "/edit", "/paper-forms", "/paper-forms/new", "/paper-forms/stock", "/catch-up",
            HeldPatientRecord + "/notice", "/account/password",
        ],
        ["supervisor"] =
        [
            "/", "/regions/rehearsal", "/board", "/facilities", "/held-patients", "/paper-forms", "/paper-forms/new",
            "/paper-forms/stock", "/catch-up",
        ],
        ["manager"] = ["/", "/board", "/facilities", "/held-patients", "/paper-forms", "/paper-forms/stock", "/catch-up"],
        ["admin"] =
        [
            "/", "/regions/hefei", "/board", "/facilities", "/held-patients", "/paper-forms", "/catch-up",
            "/admin/users", "/admin/audit", "/admin/plans/new",
        ],
    };

    /// <summary>
    /// Every page is audited in Chinese, the default; in English, the pages whose layout the longer
    /// English text changes most (menus, tables, forms, the board), to keep the suite's time in budget.
    /// </summary>
    private static readonly HashSet<string> InEnglishToo =
        ["/", "/held-patients", "/held-patients/new", "/paper-forms/new", "/board", "/catch-up", "/admin/users", "/account/login", OwnFacility];

    /// <summary>
    /// Pages a tab cannot reach by client-side navigation: the account forms render statically (they set
    /// the sign-in cookie) and the notice slip has its own print layout.
    /// </summary>
    private static readonly string[] LoadedAsDocuments = ["/account/login", "/account/password", "/notice"];

    public static TheoryData<string, string> RolesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in PagesOf.Keys)
        {
            data.Add(role, "zh-CN");
            data.Add(role, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndCultures))]
    public async Task Every_page_of_the_role_has_no_serious_accessibility_violations(string role, string culture)
    {
        var page = await NewPageAsync(role);
        await using var context = page.Context;
        var heldPatientUrl = role == "desk" ? await sessions.HeldPatientUrlAsync(page) : null;
        await page.OpenAsync($"/culture/set?culture={culture}&redirectUri=/");

        var violations = new List<string>();
        foreach (var path in PagesOf[role].Where(p => culture == "zh-CN" || InEnglishToo.Contains(p)))
        {
            var url = path.Replace(HeldPatientRecord, heldPatientUrl, StringComparison.Ordinal);
            if (url == OwnFacility)
            {
                url = await page.Locator(".mud-navmenu a[href^='facilities/']").GetAttributeAsync("href")
                    ?? throw new InvalidOperationException("The desk's menu has no link to its facility.");
            }

            await VisitAsync(page, url);
            await page.ScreenshotIfAskedAsync($"a11y-{role}-{culture}-{Slug(path)}");
            violations.AddRange(await AxeAudit.SeriousViolationsAsync(page));
        }

        AxeAudit.AssertNone(violations);
    }

    [Fact]
    public async Task Held_patient_entry_form_showing_its_errors_has_no_serious_violations()
    {
        var page = await NewPageAsync("desk");
        await using var context = page.Context;
        await page.OpenAsync("/held-patients/new");

        await page.Locator(".save-button").ClickAsync();
        await Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("a11y-held-patient-form-errors");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Open_select_list_has_no_serious_violations()
    {
        var page = await NewPageAsync("desk");
        await using var context = page.Context;
        await page.OpenAsync("/held-patients");

        await page.Locator(".filter-bar .mud-select").Nth(1).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        // The list fades in; a half-transparent list would be audited for a contrast it never shows at rest.
        await Expect(page.Locator(".mud-popover-open")).ToHaveCSSAsync("opacity", "1");
        await page.ScreenshotIfAskedAsync("a11y-select-open");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Open_account_menu_has_no_serious_violations()
    {
        var page = await NewPageAsync("supervisor");
        await using var context = page.Context;
        await page.OpenAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "经办督导，账号菜单" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "修改密码" })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCSSAsync("opacity", "1");
        await page.ScreenshotIfAskedAsync("a11y-account-menu-open");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Open_dialog_has_no_serious_violations()
    {
        var page = await NewPageAsync("admin");
        await using var context = page.Context;
        await page.OpenAsync("/admin/users");

        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCSSAsync("opacity", "1");
        await page.ScreenshotIfAskedAsync("a11y-dialog-open");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    private async Task<IPage> NewPageAsync(string role)
    {
        var page = await browser.NewPageAsync();
        if (role != Anonymous)
        {
            await page.Context.AddCookiesAsync(await sessions.ForAsync(browser, Accounts[role]));
        }

        return page;
    }

    /// <summary>Moves the tab to the page and waits until its heading and its data are shown.</summary>
    private static async Task VisitAsync(IPage page, string url)
    {
        if (LoadedAsDocuments.Any(url.EndsWith))
        {
            await page.GotoAsync(url);
        }
        else if (new Uri(page.Url).AbsolutePath != "/" + url.TrimStart('/'))
        {
            // The old page's heading is marked so the wait below cannot mistake it for the new page's.
            await page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.dataset.left = 'true')");
            await page.EvaluateAsync("url => Blazor.navigateTo(url)", url);
            await page.WaitInteractiveAsync();
        }

        await Expect(page.Locator("h1:not([data-left])").First).ToBeVisibleAsync();
        await Expect(page.Locator(".loading-state, .mud-table-loading:visible")).ToHaveCountAsync(0);
    }

    private static string Slug(string path) =>
        path.Trim('/').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace('/', '-')
            is { Length: > 0 } slug ? slug : "overview";

    /// <summary>
    /// Signs each role in once for the whole class and hands out its cookies, so every case starts from a
    /// fresh context without paying for a sign-in; also logs the one held patient the record pages show.
    /// </summary>
    public sealed class SignedInCookies
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<Cookie>>>> _cookies = new();
        private readonly SemaphoreSlim _heldPatientGate = new(1, 1);
        private string? _heldPatientUrl;

        public async Task<IReadOnlyList<Cookie>> ForAsync(BrowserFixture browser, DemoAccounts.DemoAccount account) =>
            await _cookies.GetOrAdd(account.UserName, _ => new(() => SignInAsync(browser, account))).Value;

        /// <summary>The record page of a held patient logged once through the desk's entry form.</summary>
        public async Task<string> HeldPatientUrlAsync(IPage deskPage)
        {
            await _heldPatientGate.WaitAsync();
            try
            {
                _heldPatientUrl ??= new Uri(await deskPage.LogHeldPatientAsync(
                    "无障碍检查", TestIds.Resident(area: "340102", birth: "19770412", start: 500))).AbsolutePath;
                return _heldPatientUrl;
            }
            finally
            {
                _heldPatientGate.Release();
            }
        }

        private static async Task<IReadOnlyList<Cookie>> SignInAsync(BrowserFixture browser, DemoAccounts.DemoAccount account)
        {
            var page = await browser.NewPageAsync();
            await using var context = page.Context;
            await page.SignInAsync(account);
            return [.. (await context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path,
                Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            })];
        }
    }
}
