namespace Dashboard.Components.Pages.Board;

/// <summary>The read-only parts of a region's board card that <see cref="BoardCardHtml"/> renders as shared HTML.</summary>
public enum RegionCardSection
{
    /// <summary>Health, the region's name and link, its phase and milestone states.</summary>
    Header,

    /// <summary>The next milestone's title and time, with its estimate mark (the countdown after it stays live).</summary>
    NextMilestone,

    /// <summary>Where the trouble is, when the card was computed, the backlog funnel, burndown and facility table.</summary>
    Body,
}
