using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/board: a card per region with its funnel, backlog and a row per facility.</summary>
internal sealed class BoardPage(IPage page) : AppShell(page)
{
    public Task OpenAsync() => Page.OpenAsync("/board");

    /// <summary>A region's card; the cards are plain sections marked with the region's code.</summary>
    public ILocator Region(string code) => Page.Locator($".region-board[data-region='{code}']");

    /// <summary>The activity strip's line that contains <paramref name="text"/>.</summary>
    public ILocator ActivityEntry(string text) => Page.Locator(".activity-strip li").Filter(new() { HasText = text });

    public ILocator Acknowledge => Page.Locator(".activity-strip button.acknowledge");

    /// <summary>A facility's row in its region's backlog table.</summary>
    public ILocator FacilityRow(string regionCode, string facilityName) =>
        Region(regionCode).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = facilityName, Exact = true }) });

    /// <summary>The outstanding count of a facility's row (the table's third column, 待补录, after the status).</summary>
    public ILocator Outstanding(string regionCode, string facilityName) => FacilityRow(regionCode, facilityName).GetByRole(AriaRole.Cell).Nth(2);
}
