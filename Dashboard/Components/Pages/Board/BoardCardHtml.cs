using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dashboard.Core.Board;
using Dashboard.Core.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Components.Pages.Board;

/// <summary>A region card's read-only sections as HTML (see <see cref="RegionCardSection"/>).</summary>
public sealed record RegionCardMarkup(MarkupString Header, MarkupString NextMilestone, MarkupString Body);

/// <summary>
/// Renders the read-only sections of the board's region cards to HTML once per snapshot, language,
/// view (only trouble, wall) and clock state, and gives every open board the same strings. As live
/// components the cards kept two render-tree buffers per chip, text and table cell in every open board:
/// most of a board circuit's memory (ADR 0004). An entry lives as long as its snapshot does.
/// </summary>
public sealed class BoardCardHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConditionalWeakTable<RegionBoardSnapshot, ConcurrentDictionary<string, Task<RegionCardMarkup>>> _cards = [];

    /// <summary>
    /// Renders with the caller's language (the circuit's culture). The first board to ask renders; the
    /// others wait for that render without holding a thread (fifty boards are told of a change at once).
    /// </summary>
    public async Task<RegionCardMarkup> GetAsync(RegionBoardSnapshot snapshot, DateTimeOffset now, bool onlyTrouble, bool wall)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var views = _cards.GetOrCreateValue(snapshot);
        var key = string.Join('|', culture.Name, uiCulture.Name, onlyTrouble, wall, ClockState(snapshot.Plan, now));
        var mine = new TaskCompletionSource<RegionCardMarkup>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = views.GetOrAdd(key, mine.Task);
        if (entry == mine.Task)
        {
            try
            {
                mine.SetResult(await RenderAsync(snapshot, now, onlyTrouble, wall, culture, uiCulture));
            }
            catch (Exception exception)
            {
                // A failed render is not kept: the next board to ask renders it again.
                views.TryRemove(new KeyValuePair<string, Task<RegionCardMarkup>>(key, mine.Task));
                mine.SetException(exception);
            }
        }

        return await entry;
    }

    /// <summary>
    /// What of the card changes with the clock alone: the phase and each milestone's state (late, due).
    /// Two instants with the same state render the same HTML.
    /// </summary>
    private static string ClockState(RegionPlan plan, DateTimeOffset now) =>
        plan.PhaseAt(now) + ":" + string.Concat(plan.Milestones.Select(m => (char)('A' + (int)m.StateAt(now)) + (m.DueUtc > now ? "+" : "-")));

    /// <summary>A renderer of its own each time: an HTML renderer keeps every component it rendered until it is disposed.</summary>
    private async Task<RegionCardMarkup> RenderAsync(RegionBoardSnapshot snapshot, DateTimeOffset now, bool onlyTrouble, bool wall, CultureInfo culture, CultureInfo uiCulture)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var (before, uiBefore) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            try
            {
                async Task<MarkupString> Section(RegionCardSection section)
                {
                    var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                    {
                        [nameof(RegionCardPart.Section)] = section,
                        [nameof(RegionCardPart.Snapshot)] = snapshot,
                        [nameof(RegionCardPart.Now)] = now,
                        [nameof(RegionCardPart.OnlyTrouble)] = onlyTrouble,
                        [nameof(RegionCardPart.Wall)] = wall,
                    });
                    var root = await renderer.RenderComponentAsync<RegionCardPart>(parameters);
                    return new MarkupString(root.ToHtmlString());
                }

                return new RegionCardMarkup(await Section(RegionCardSection.Header), await Section(RegionCardSection.NextMilestone), await Section(RegionCardSection.Body));
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, uiBefore);
            }
        });
    }
}
