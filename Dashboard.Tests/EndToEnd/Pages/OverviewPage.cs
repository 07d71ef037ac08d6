using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/: a card per region with its phase and a ticking countdown.</summary>
internal sealed class OverviewPage(IPage page) : AppShell(page)
{
    public Task OpenAsync() => Page.OpenAsync("/");

    public ILocator RegionLink(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First;

    /// <summary>A region's countdown (a timer); the cards are plain boxes marked with the region's code.</summary>
    public ILocator Countdown(string code) => Page.Locator($".region-card[data-region='{code}']").GetByRole(AriaRole.Timer);
}
