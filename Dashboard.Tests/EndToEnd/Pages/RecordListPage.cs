using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/held-patients and /paper-forms: a filter bar over a paged table.</summary>
internal sealed class RecordListPage(IPage page, string url) : AppShell(page)
{
    public static RecordListPage HeldPatients(IPage page) => new(page, "/held-patients");

    public static RecordListPage PaperForms(IPage page) => new(page, "/paper-forms");

    public ILocator Search => Page.GetByLabel(Ui.Text("HP_Search"), new() { Exact = true });

    /// <summary>The table's loading line; MudBlazor's table shows it as text only.</summary>
    public ILocator Loading => Page.GetByText(Ui.Text("Loading"));

    /// <summary>A filter's select by its label, e.g. "HP_Status".</summary>
    public ILocator Filter(string labelKey) => Page.GetByLabel(Ui.Text(labelKey), new() { Exact = true });

    public ILocator Row(string text) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>The table's data rows (the header row has no cells).</summary>
    public ILocator Rows => Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    public ListPager Pager => new(Page.Locator("main"));

    public async Task OpenAsync()
    {
        await Page.OpenAsync(url);
        await Microsoft.Playwright.Assertions.Expect(Loading).ToHaveCountAsync(0);
    }
}
