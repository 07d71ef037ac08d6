using Dashboard.Core.HeldPatients;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
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
[Collection(ThirdBrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AccessibilityTests.LoggedRecord record)
    : BrowserTest(browser), IClassFixture<AccessibilityTests.LoggedRecord>
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
            "/paper-forms/stock", "/catch-up", "/board?wall=1&trouble=1",
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
        var heldPatientUrl = role == "desk" ? await record.UrlAsync(page) : null;
        await page.OpenAsync($"/culture/set?culture={culture}&redirectUri=/");

        var violations = new List<string>();
        foreach (var path in PagesOf[role].Where(p => culture == "zh-CN" || InEnglishToo.Contains(p)))
        {
            var url = path.Replace(HeldPatientRecord, heldPatientUrl, StringComparison.Ordinal);
            if (url == OwnFacility)
            {
                url = await new AppShell(page).Link("Nav_MyFacility", culture).GetAttributeAsync("href")
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
        var form = new HeldPatientForm(page);
        await form.OpenAsync();

        await form.Save.ClickAsync();
        await Expect(form.ErrorOf(nameof(HeldPatientInput.PatientName))).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("a11y-held-patient-form-errors");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Open_select_list_has_no_serious_violations()
    {
        var page = await NewPageAsync("desk");
        var list = RecordListPage.HeldPatients(page);
        await list.OpenAsync();

        await list.Filter("HP_Status").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        // The list fades in; a half-transparent list would be audited for a contrast it never shows at rest.
        await Expect(list.OpenPopover).ToHaveCSSAsync("opacity", "1");
        await page.ScreenshotIfAskedAsync("a11y-select-open");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Open_account_menu_has_no_serious_violations()
    {
        var page = await NewPageAsync("supervisor");
        await page.OpenAsync("/");
        var shell = new AppShell(page);

        await shell.AccountMenu.ClickAsync();
        await Expect(shell.MenuItem("User_ChangePassword")).ToBeVisibleAsync();
        await Expect(shell.OpenPopover).ToHaveCSSAsync("opacity", "1");
        await page.ScreenshotIfAskedAsync("a11y-account-menu-open");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Open_dialog_has_no_serious_violations()
    {
        var page = await NewPageAsync("admin");
        var users = new UsersPage(page);
        await users.OpenAsync();

        var dialog = await users.StartNewAsync();
        await Expect(dialog.Root).ToBeVisibleAsync();
        await Expect(users.DialogBox).ToHaveCSSAsync("opacity", "1");
        await page.ScreenshotIfAskedAsync("a11y-dialog-open");

        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    private Task<IPage> NewPageAsync(string role) =>
        role == Anonymous ? Browser.NewPageAsync() : Browser.NewPageAsync(Accounts[role]);

    /// <summary>Moves the tab to the page and waits until its heading and its data are shown.</summary>
    private static async Task VisitAsync(IPage page, string url)
    {
        if (LoadedAsDocuments.Any(url.EndsWith))
        {
            await page.GotoAsync(url);
        }
        else if (new Uri(page.Url).AbsolutePath != "/" + url.TrimStart('/'))
        {
            await new AppShell(page).NavigateAsync(url);
        }

        await new AppShell(page).WaitShownAsync();
    }

    private static string Slug(string path) =>
        path.Trim('/').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace('/', '-')
            is { Length: > 0 } slug ? slug : "overview";

    /// <summary>The one held patient the desk's record pages show, logged once for the whole class through the entry form.</summary>
    public sealed class LoggedRecord
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private string? _url;

        public async Task<string> UrlAsync(IPage deskPage)
        {
            await _gate.WaitAsync();
            try
            {
                _url ??= new Uri(await deskPage.LogHeldPatientAsync(
                    "无障碍检查", TestIds.Resident(area: "340102", birth: "19770412", start: 500))).AbsolutePath;
                return _url;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
