using Dashboard.Time;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>
/// A page whose text depends on the clock. The countdowns tick by themselves every second
/// (<see cref="CountdownText"/>); the page itself re-renders only when what it derives from the clock
/// can have changed: at the next instant it names (<see cref="NextChangeAfter"/>, e.g. a milestone
/// falling due) and once a minute for relative texts ("3 天后") and the chart's "now" line. A board of
/// many regions re-rendered whole every second cost each open tab megabytes and real CPU.
/// </summary>
public abstract class TickingComponentBase : ComponentBase, IDisposable
{
    /// <summary>How often the page's relative texts move on, when nothing else changes.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromMinutes(1);

    private IDisposable? _subscription;
    private DateTimeOffset? _nextChange;

    [Inject] protected CircuitTicker Ticker { get; set; } = default!;

    /// <summary>The instant this render shows.</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>The next instant after <paramref name="now"/> at which the page's text changes; null if none is known.</summary>
    protected virtual DateTimeOffset? NextChangeAfter(DateTimeOffset now) => null;

    protected override void OnInitialized() => Now = Ticker.Now;

    protected override void OnAfterRender(bool firstRender)
    {
        _nextChange = NextChangeAfter(Now);
        if (firstRender)
        {
            _subscription = Ticker.Subscribe(InvokeAsync, () =>
            {
                var now = Ticker.Now;
                if (IsDue(now))
                {
                    Now = now;
                    StateHasChanged();
                }
            });
        }
    }

    private bool IsDue(DateTimeOffset now) =>
        now.UtcTicks / Granularity.Ticks != Now.UtcTicks / Granularity.Ticks || (_nextChange is { } next && now >= next);

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
