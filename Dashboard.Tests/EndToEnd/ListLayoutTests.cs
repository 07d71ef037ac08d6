using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>On a 1400 px office monitor, list dates read on one line ("2026-11-20 09:30"), never broken in two.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class ListLayoutTests(BrowserFixture browser)
{
    /// <summary>How many lines a cell's content takes: its text height over its line height, rounded.</summary>
    private const string LinesOfContent = """
        cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
            return Math.round(range.getBoundingClientRect().height / lineHeight);
        }
        """;

    private static async Task AssertOneLineAsync(ILocator row, params int[] columns)
    {
        foreach (var column in columns)
        {
            var cell = row.Locator("td").Nth(column);
            await Expect(cell).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}-\d{2}-\d{2}"));
            var lines = await cell.EvaluateAsync<int>(LinesOfContent);
            Assert.True(lines == 1, $"Column {column} ('{await cell.InnerTextAsync()}') takes {lines} lines.");
        }
    }

    [Fact]
    public async Task Dates_in_the_held_patient_and_paper_form_lists_stay_on_one_line_at_1400_px()
    {
        var name = "日期换行" + Random.Shared.Next(1000, 9999);
        var serial = "WR-" + Random.Shared.Next(100_000, 999_999);
        var desk = await browser.NewPageAsync();
        await desk.SignInAsync(DemoAccounts.Desk);
        await desk.LogHeldPatientAsync(name, TestIds.Resident(area: "340102", birth: "19770412", start: 400));
        await desk.OpenAsync("/paper-forms/new");
        await desk.Locator("input[data-field='SerialNumber']").FillAsync(serial);
        await desk.Locator("input[data-field='PatientName']").FillAsync(name);
        await desk.Locator("input[data-field='IdNumber']").FillAsync(TestIds.Resident(area: "340102", birth: "19770412", start: 410));
        await desk.Locator("input[data-field='Destination']").FillAsync("合肥市第一人民医院");
        await desk.Locator("input[data-field='IssuedBy']").FillAsync("王医生");
        await desk.Locator(".save-button").ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(serial);

        // A supervisor's lists carry the most columns (every facility), so they are the narrowest.
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.SignInAsync(DemoAccounts.Supervisor);

        await page.OpenAsync("/held-patients");
        await Expect(page.GetByText("正在加载")).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("list-held-patients-1400-all");
        await page.GetByLabel("搜索").FillAsync(name);
        var held = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(held).ToHaveCountAsync(1);
        await page.ScreenshotIfAskedAsync("list-held-patients-1400");
        await AssertOneLineAsync(held, 0, 4, 7);

        await page.OpenAsync("/paper-forms");
        await Expect(page.GetByText("正在加载")).ToHaveCountAsync(0);
        await page.ScreenshotIfAskedAsync("list-paper-forms-1400-all");
        await page.GetByLabel("搜索").FillAsync(serial);
        var form = page.GetByRole(AriaRole.Row).Filter(new() { HasText = serial });
        await Expect(form).ToHaveCountAsync(1);
        await page.ScreenshotIfAskedAsync("list-paper-forms-1400");
        await AssertOneLineAsync(form, 5, 8);
    }
}
