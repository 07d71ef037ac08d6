using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/paper-forms/stock: the ranges of pre-printed numbers and what is used, missing and left of each.</summary>
internal sealed class FormStockPage(IPage page) : AppShell(page)
{
    public ILocator FirstSerial => Page.GetByLabel(Ui.Text("Stock_First"), new() { Exact = true });

    public ILocator LastSerial => Page.GetByLabel(Ui.Text("Stock_Last"), new() { Exact = true });

    public ILocator Add => Button("Stock_Add");

    public Task OpenAsync() => Page.OpenAsync("/paper-forms/stock");

    /// <summary>A range's row, e.g. "T-0101–T-0110".</summary>
    public ILocator Range(string first, string last) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{first}–{last}" });

    /// <summary>A column of a range's row, by its header's text (the table's columns, counted from the header row).</summary>
    public async Task<ILocator> CellAsync(ILocator row, string headerKey)
    {
        await Microsoft.Playwright.Assertions.Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = Ui.Text(headerKey), Exact = true })).ToBeVisibleAsync();
        var headers = await Page.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        var index = headers.Select(h => h.Trim()).ToList().IndexOf(Ui.Text(headerKey));
        if (index < 0)
        {
            throw new InvalidOperationException($"The stock table has no column {Ui.Text(headerKey)}.");
        }

        return row.GetByRole(AriaRole.Cell).Nth(index);
    }

    public async Task AddRangeAsync(string first, string last)
    {
        await FirstSerial.FillAsync(first);
        await LastSerial.FillAsync(last);
        await Add.ClickAsync();
    }
}
