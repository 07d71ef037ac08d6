using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>The region page's local calendar adjustments: the list, and for administrators the form to add one.</summary>
internal sealed class RegionCalendarSection(IPage page)
{
    private readonly IPage _page = page;

    /// <summary>The section's box (a paper with a heading; MudBlazor gives it no region role).</summary>
    public ILocator Root { get; } = page.Locator(".region-calendar");

    public ILocator Heading => Root.GetByRole(AriaRole.Heading, new() { Name = Ui.Text("Calendar_Title"), Exact = true });

    public ILocator Empty => Root.GetByText(Ui.Text("Calendar_Empty"), new() { Exact = true });

    public ILocator Date => Root.GetByLabel(Ui.Text("Calendar_Date"), new() { Exact = true });

    public ILocator Reason => Root.GetByLabel(Ui.Text("Calendar_Reason"), new() { Exact = true });

    /// <summary>"这一天改为": a day off or a working day, as radio buttons named by the group's label.</summary>
    public ILocator Kind(string key) =>
        Root.GetByRole(AriaRole.Radiogroup, new() { Name = Ui.Text("Calendar_Kind"), Exact = true }).GetByRole(AriaRole.Radio, new() { Name = Ui.Text(key), Exact = true });

    public ILocator Add => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Calendar_Add"), Exact = true });

    /// <summary>One listed adjustment, by its date ("2027-03-24").</summary>
    public ILocator Day(string date) => Root.GetByRole(AriaRole.Listitem).Filter(new() { HasText = date });

    public ILocator Remove(string date) => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Calendar_RemoveDay", date), Exact = true });

    /// <summary>The message under a field, found from the field's label (the inner locator of a filter is matched inside each box, so it cannot start at the section).</summary>
    public ILocator MessageUnder(string labelKey) =>
        Root.Locator(".message-under").Filter(new() { Has = _page.GetByLabel(Ui.Text(labelKey), new() { Exact = true }) }).GetByRole(AriaRole.Alert);
}
