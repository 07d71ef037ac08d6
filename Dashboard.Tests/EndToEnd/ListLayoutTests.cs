using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>On a 1400 px office monitor, list dates read on one line ("2026-11-20 09:30"), never broken in two.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListLayoutTests(BrowserFixture browser) : BrowserTest(browser)
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
            var cell = row.GetByRole(AriaRole.Cell).Nth(column);
            await Expect(cell).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}-\d{2}-\d{2}"));
            var lines = await cell.EvaluateAsync<int>(LinesOfContent);
            Assert.True(lines == 1, $"Column {column} ('{await cell.InnerTextAsync()}') takes {lines} lines.");
        }
    }

    [Fact]
    public async Task Dates_in_the_held_patient_and_paper_form_lists_stay_on_one_line_at_1400_px()
    {
        var name = OwnData.Unique("日期换行");
        var serial = OwnData.Unique("WR");
        var desk = await Browser.NewPageAsync(DemoAccounts.Desk);
        await desk.LogHeldPatientAsync(name, TestIds.Resident(area: "340102", birth: "19770412", start: 400));
        var form = new PaperFormForm(desk);
        await form.OpenAsync();
        await form.FillTransferAsync(serial, name, TestIds.Resident(area: "340102", birth: "19770412", start: 410), "合肥市第一人民医院", "王医生");
        await form.Save.ClickAsync();
        await Expect(form.Heading()).ToContainTextAsync(serial);

        // A supervisor's lists carry the most columns (every facility), so they are the narrowest.
        var page = await Browser.NewPageAsync(DemoAccounts.Supervisor);
        await page.SetViewportSizeAsync(1400, 900);

        var heldList = RecordListPage.HeldPatients(page);
        await heldList.OpenAsync();
        await page.ScreenshotIfAskedAsync("list-held-patients-1400-all");
        await heldList.Search.FillAsync(name);
        var held = heldList.Row(name);
        await Expect(held).ToHaveCountAsync(1);
        await page.ScreenshotIfAskedAsync("list-held-patients-1400");
        await AssertOneLineAsync(held, 0, 4, 7);

        var formList = RecordListPage.PaperForms(page);
        await formList.OpenAsync();
        await page.ScreenshotIfAskedAsync("list-paper-forms-1400-all");
        await formList.Search.FillAsync(serial);
        var formRow = formList.Row(serial);
        await Expect(formRow).ToHaveCountAsync(1);
        await page.ScreenshotIfAskedAsync("list-paper-forms-1400");
        await AssertOneLineAsync(formRow, 5, 8);
    }
}
