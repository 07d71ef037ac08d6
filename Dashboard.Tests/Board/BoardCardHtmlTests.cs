using Dashboard.Components.Pages.Board;
using Dashboard.Core.Board;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Board;

/// <summary>
/// Every open board shows a region card's read-only sections from one shared HTML string: the memory of
/// fifty boards rests on it (benchmark-circuits). The language and the view make their own.
/// </summary>
public sealed class BoardCardHtmlTests : BoardTestContext
{
    [Fact]
    public async Task Boards_in_the_same_language_and_view_share_one_rendering_of_a_card_and_other_languages_get_their_own()
    {
        var scope = await SignInAsync("supervisor");
        var html = Services.GetRequiredService<BoardCardHtml>();
        var snapshot = (await Services.GetRequiredService<BoardSnapshots>().GetVisibleAsync(scope)).Single(s => s.Plan.Code == "rehearsal");
        var now = Clock.GetUtcNow();

        RegionCardMarkup chinese, again, english, wall;
        using (new UiCulture("zh-CN"))
        {
            chinese = await html.GetAsync(snapshot, now, onlyTrouble: false, wall: false);
            again = await html.GetAsync(snapshot, now + TimeSpan.FromSeconds(30), onlyTrouble: false, wall: false);
            wall = await html.GetAsync(snapshot, now, onlyTrouble: false, wall: true);
        }

        using (new UiCulture("en"))
        {
            english = await html.GetAsync(snapshot, now, onlyTrouble: false, wall: false);
        }

        Assert.Same(chinese, again);
        Assert.Contains("准备期", Text(chinese.Header), StringComparison.Ordinal);
        Assert.Contains("facility-backlog", chinese.Body.Value, StringComparison.Ordinal);
        Assert.Contains("Preparation", Text(english.Header), StringComparison.Ordinal);
        Assert.DoesNotContain("burndown", wall.Body.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_milestone_falling_due_renders_the_card_again()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await SignInAsync("supervisor");
        var html = Services.GetRequiredService<BoardCardHtml>();
        var snapshot = (await Services.GetRequiredService<BoardSnapshots>().GetVisibleAsync(scope)).Single(s => s.Plan.Code == "rehearsal");
        var now = Clock.GetUtcNow();
        var next = snapshot.Plan.NextChangeAfter(now)!.Value;

        var before = await html.GetAsync(snapshot, next - TimeSpan.FromSeconds(1), onlyTrouble: false, wall: false);
        var after = await html.GetAsync(snapshot, next + TimeSpan.FromSeconds(1), onlyTrouble: false, wall: false);

        Assert.NotSame(before, after);
    }

    /// <summary>The HTML's text as the browser shows it (the tests' encoder writes Chinese as character references).</summary>
    private static string Text(MarkupString html) => System.Net.WebUtility.HtmlDecode(html.Value);
}
