using System.Text.RegularExpressions;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The held-patient and paper-form entry flows as a fast clerk uses them: typing at once, Enter, two tabs, many tabs.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class RecordEntryInBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "校验位不对", "出生日期不存在", "现在是 17 位", "旧的 15 位身份证号", "早于 1890 年", "最多 50 个字，现在 200 个")]
    [InlineData("en", "check character", "does not exist", "this has 17", "old 15-digit", "before 1890", "At most 50 characters; this has 200")]
    public async Task Each_refused_id_and_an_overlong_name_say_why_next_to_the_field(
        string culture, string checksum, string noSuchDate, string length, string fifteen, string tooEarly, string tooLong)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.SetCultureAsync(culture);
        await page.OpenAsync("/held-patients/new");
        var valid = TestIds.Resident(area: "340102", birth: "19491231", start: 800);
        (string Id, string Reason)[] cases =
        [
            (valid[..17] + (valid[17] == '1' ? '2' : '1'), checksum),
            ("110105194902300021", noSuchDate),
            (valid[..17], length),
            ("110105491231002", fifteen),
            (TestIds.Resident(area: "340102", birth: "18800101"), tooEarly),
        ];
        var idField = page.Locator("input[data-field='IdNumber']");
        foreach (var (id, reason) in cases)
        {
            await idField.FillAsync(id);
            await Expect(page.Locator("#IdNumber-error")).ToContainTextAsync(reason);
            await Expect(idField).ToHaveAttributeAsync("aria-invalid", "true");
            await page.ScreenshotIfAskedAsync($"entry-id-{culture}-{reason[..3]}");
        }

        await page.Locator("input[data-field='PatientName']").FillAsync(new string('名', 200));
        await Expect(page.Locator("#PatientName-error")).ToContainTextAsync(tooLong);
        Assert.Equal(200, (await page.Locator("input[data-field='PatientName']").InputValueAsync()).Length);
        await page.Locator(".save-button").ClickAsync();
        await Expect(page.Locator(".entry-problem")).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync($"entry-refused-{culture}");
        if (culture == "zh-CN")
        {
            await Expect(page.GetByText("Required", new() { Exact = true })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_huge_paste_is_refused_with_a_message_and_the_page_stays_live()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.OpenAsync("/held-patients/new");

        await page.Locator("textarea[data-field='Notes']").FillAsync(new string('备', 30_000));

        await Expect(page.Locator("#Notes-error")).ToContainTextAsync("最多 1000 个字");
        await page.Locator("input[data-field='PatientName']").FillAsync("粘贴之后");
        await page.Locator("input[data-field='PatientName']").FillAsync("");
        await Expect(page.Locator("#PatientName-error")).ToHaveTextAsync("必填");
    }

    [Fact]
    public async Task What_is_typed_the_moment_the_form_shows_is_saved_exactly()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);

        // No waiting for the page to go live: the clerk types as soon as the field is there.
        await page.GotoAsync("/paper-forms/new", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("input[data-field='SerialNumber']").PressSequentiallyAsync("Q-0042");
        await page.Locator("input[data-field='PatientName']").PressSequentiallyAsync("立即输入");
        await page.Locator("input[data-field='IdNumber']").PressSequentiallyAsync(TestIds.Resident(area: "340102", start: 820));
        await page.Locator("input[data-field='Destination']").PressSequentiallyAsync("合肥市第二人民医院");
        await page.Locator("input[data-field='IssuedBy']").PressSequentiallyAsync("李医生");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转院转诊登记表 Q-0042", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/held-patients/new", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("input[data-field='PatientName']").PressSequentiallyAsync("立即登记的患者");
        await page.Locator("input[data-field='IdNumber']").PressSequentiallyAsync(TestIds.Resident(area: "340102", start: 830));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "立即登记的患者", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_pcs_on_one_account_keep_two_drafts_through_a_reload()
    {
        var first = await browser.NewPageAsync();
        await first.SignInAsync(DemoAccounts.Desk);
        var second = await browser.NewPageAsync(signedInAs: first);
        await first.OpenAsync("/held-patients/new");
        await second.OpenAsync("/held-patients/new");

        await first.Locator("input[data-field='PatientName']").FillAsync("甲标签页患者");
        await second.Locator("input[data-field='PatientName']").FillAsync("乙标签页患者");
        await WaitForDraftAsync("甲标签页患者");
        await WaitForDraftAsync("乙标签页患者");
        await first.ReloadAsync();
        await second.ReloadAsync();

        await Expect(first.Locator("input[data-field='PatientName']")).ToHaveValueAsync("甲标签页患者");
        await Expect(second.Locator("input[data-field='PatientName']")).ToHaveValueAsync("乙标签页患者");
        await first.ScreenshotIfAskedAsync("entry-draft-restored");

        // A new tab starts empty and offers both unsaved entries to resume.
        var third = await first.Context.NewPageAsync();
        await third.OpenAsync("/held-patients/new");
        await Expect(third.Locator("input[data-field='PatientName']")).ToBeVisibleAsync();

        // The notice is there as soon as the form is: one that came later pushed the form down
        // under the clerk's cursor, and a click meant for 保存 landed beside it.
        Assert.Equal(1, await third.Locator(".unsaved-drafts").CountAsync());
        await Expect(third.Locator("input[data-field='PatientName']")).ToHaveValueAsync("");
        await Expect(third.Locator(".unsaved-drafts")).ToContainTextAsync("甲标签页患者");
        await Expect(third.Locator(".unsaved-drafts")).ToContainTextAsync("乙标签页患者");
        await third.ScreenshotIfAskedAsync("entry-unsaved-drafts");
    }

    [Fact]
    public async Task Many_browsers_saving_at_once_on_one_account_each_see_every_save_confirmed()
    {
        const int Tabs = 6;
        const int PerTab = 2;
        var signedIn = await browser.NewPageAsync();
        await signedIn.SignInAsync(DemoAccounts.Desk);
        var pages = new List<IPage>();
        for (var i = 0; i < Tabs; i++)
        {
            var page = await browser.NewPageAsync(signedInAs: signedIn);
            await page.OpenAsync("/held-patients/new");
            pages.Add(page);
        }

        await Task.WhenAll(pages.Select(async (page, tab) =>
        {
            for (var n = 0; n < PerTab; n++)
            {
                var name = $"并发{tab}号{n}";
                await page.Locator("input[data-field='PatientName']").FillAsync(name);
                await page.Locator("input[data-field='IdNumber']").FillAsync(TestIds.Resident(area: "340103", start: (tab * PerTab) + n));
                await page.Locator(".save-next-button").ClickAsync();
                await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = name })).ToBeVisibleAsync();
                await Expect(page.Locator("input[data-field='PatientName']")).ToHaveValueAsync("");
            }
        }));

        foreach (var page in pages)
        {
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Expect(page.Locator(".entry-problem")).ToHaveCountAsync(0);
        }

        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var names = await db.HeldPatients.Where(p => p.PatientName.StartsWith("并发")).Select(p => p.PatientName).ToListAsync();
        Assert.Equal(Tabs * PerTab, names.Count);
        Assert.Equal(Tabs * PerTab, names.Distinct().Count());
    }

    [Fact]
    public async Task Enter_twice_on_a_duplicate_warning_does_not_save_it()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        var id = TestIds.Resident(area: "340102", start: 860);
        await page.LogHeldPatientAsync("重复回车", id);

        await page.OpenAsync("/held-patients/new");
        await page.Locator("input[data-field='PatientName']").FillAsync("重复回车");
        await page.Locator("input[data-field='IdNumber']").FillAsync(id);
        await page.Locator(".save-next-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".save-confirmation")).ToContainTextAsync("已有时间重叠的记录");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.ScreenshotIfAskedAsync("entry-duplicate-warning");

        await Expect(page.Locator(".save-confirmation")).ToBeVisibleAsync();
        Assert.Equal(1, await CountHeldPatientsAsync("重复回车"));
        await page.Locator(".confirm-save-button").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "重复回车" })).ToBeVisibleAsync();
        Assert.Equal(2, await CountHeldPatientsAsync("重复回车"));
    }

    [Fact]
    public async Task A_stack_of_paper_forms_is_registered_with_save_and_continue_and_one_is_corrected()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Desk);
        await page.OpenAsync("/paper-forms/new");
        await page.Locator("input[data-field='SerialNumber']").FillAsync("S-0099");
        await page.Locator("input[data-field='PatientName']").FillAsync("连续一");
        await page.Locator("input[data-field='IdNumber']").FillAsync(TestIds.Resident(area: "340102", start: 870));
        await page.Locator("input[data-field='Destination']").FillAsync("上海市第六人民医院");
        await page.Locator("input[data-field='IssuedBy']").FillAsync("赵医生");
        await page.Locator(".save-next-button").ClickAsync();

        // The next form of the pad: the number moves on, the patient is cleared, the rest stays.
        await Expect(page.Locator("input[data-field='SerialNumber']")).ToHaveValueAsync("S-0100");
        await Expect(page.Locator("input[data-field='PatientName']")).ToHaveValueAsync("");
        await Expect(page.Locator("input[data-field='Destination']")).ToHaveValueAsync("上海市第六人民医院");
        await page.ScreenshotIfAskedAsync("paper-form-next");
        await page.Locator("input[data-field='PatientName']").FillAsync("连续二");
        await page.Locator("input[data-field='IdNumber']").FillAsync("12345");
        await Expect(page.Locator("#IdNumber-error")).ToContainTextAsync("应为 18 位");
        await page.ScreenshotIfAskedAsync("paper-form-live-error");
        await page.Locator("input[data-field='IdNumber']").FillAsync(TestIds.Resident(area: "340102", start: 880));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转院转诊登记表 S-0100", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/paper-forms/\d+/edit\?entry="));
        await page.Locator("input[data-field='Destination']").FillAsync("北京协和医院");
        await page.Locator(".save-button").ClickAsync();
        await Expect(page.Locator(".details-grid")).ToContainTextAsync("北京协和医院");
        await page.ScreenshotIfAskedAsync("paper-form-corrected");
    }

    private async Task<int> CountHeldPatientsAsync(string name)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.HeldPatients.CountAsync(p => p.PatientName == name);
    }

    private async Task WaitForDraftAsync(string name)
    {
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var stored = System.Text.Json.JsonSerializer.Serialize(name)[1..^1];
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                if (await db.FormDrafts.AnyAsync(d => d.Json.Contains(stored)))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No draft with {name} was kept.");
            await Task.Delay(100);
        }
    }
}
