using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>
/// A page whose text depends on the clock. The countdowns tick in the browser (<see cref="CountdownText"/>);
/// the page itself renders again only when what it derives from the clock can have changed: at the next
/// instant it names (<see cref="NextChangeAfter"/>, e.g. a milestone falling due) and once a minute for
/// relative texts ("3 天后") and the chart's "now" line. One timer waits for the earlier of the two; between
/// them the server does nothing for the page. A board re-rendered whole every second cost each open tab
/// megabytes and real CPU.
/// </summary>
public abstract class TickingComponentBase : ComponentBase, IDisposable
{
    /// <summary>How often the page's relative texts move on, when nothing else changes.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    [Inject] protected TimeProvider Clock { get; set; } = default!;

    /// <summary>The instant this render shows.</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>True while a timer waits to move the page on (false once the page is left).</summary>
    internal bool IsWaiting
    {
        get
        {
            lock (_gate)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>The next instant after <paramref name="now"/> at which the page's text changes; null if none is known.</summary>
    protected virtual DateTimeOffset? NextChangeAfter(DateTimeOffset now) => null;

    protected override void OnInitialized() => Now = Clock.GetUtcNow();

    protected override void OnAfterRender(bool firstRender)
    {
        var delay = NextDue(Now) - Clock.GetUtcNow();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _timer?.Dispose();
            _timer = Clock.CreateTimer(_ => _ = InvokeAsync(MoveOn), null, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The next minute, or the page's own next change if that comes first.</summary>
    private DateTimeOffset NextDue(DateTimeOffset now)
    {
        var nextMinute = new DateTimeOffset(((now.UtcTicks / Granularity.Ticks) + 1) * Granularity.Ticks, TimeSpan.Zero);
        return NextChangeAfter(now) is { } next && next > now && next < nextMinute ? next : nextMinute;
    }

    private void MoveOn()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }

        Now = Clock.GetUtcNow();
        StateHasChanged();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }

        GC.SuppressFinalize(this);
    }
}
