using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/catch-up: the filters, the live counts and the Excel export.</summary>
internal sealed class CatchUpPage(IPage page) : AppShell(page)
{
    public ILocator Export => Button("CU_Export");

    /// <summary>A counter's number, e.g. "CU_HeldOutstanding" (待补录患者); the counter is a group named by its caption.</summary>
    public ILocator Count(string labelKey) =>
        Page.GetByRole(AriaRole.Group, new() { Name = Ui.Text(labelKey), Exact = true }).GetByRole(AriaRole.Paragraph);

    /// <summary>The held-patient preview (the first tab): its rows and its pager.</summary>
    public ILocator HeldPreview => Page.Locator(".catch-up-held");

    public ListPager HeldPager => new(HeldPreview);

    public Task OpenAsync() => Page.OpenAsync("/catch-up");
}
