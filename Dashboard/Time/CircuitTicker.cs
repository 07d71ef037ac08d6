namespace Dashboard.Time;

/// <summary>
/// One timer per circuit (a scoped service) that ticks every second while at least one
/// component listens, and stops when the last one leaves. Ticks only re-render from the clock:
/// nothing here touches the database. Every listener of a tick runs in one call on the circuit's
/// renderer, so a board's many countdowns go to the browser as one render batch, not one each.
/// </summary>
public sealed class CircuitTicker(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<Action> _listeners = [];
    private Func<Action, Task>? _invokeOnRenderer;
    private ITimer? _timer;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>True while the timer runs (someone is listening).</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="onTick"/> on the renderer every second until the returned handle is disposed.
    /// <paramref name="invokeOnRenderer"/> is the component's own InvokeAsync: all components of a circuit
    /// share its renderer, so any one of them can run the whole tick.
    /// </summary>
    public IDisposable Subscribe(Func<Action, Task> invokeOnRenderer, Action onTick)
    {
        lock (_gate)
        {
            _invokeOnRenderer ??= invokeOnRenderer;
            _listeners.Add(onTick);
            _timer ??= clock.CreateTimer(_ => Tick(), null, Interval, Interval);
        }

        return new Subscription(this, onTick);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _listeners.Clear();
            StopTimer();
        }
    }

    private void Unsubscribe(Action onTick)
    {
        lock (_gate)
        {
            _listeners.Remove(onTick);
            if (_listeners.Count == 0)
            {
                StopTimer();
            }
        }
    }

    private void StopTimer()
    {
        _invokeOnRenderer = null;
        _timer?.Dispose();
        _timer = null;
    }

    private void Tick()
    {
        Func<Action, Task>? invoke;
        lock (_gate)
        {
            invoke = _invokeOnRenderer;
        }

        _ = invoke?.Invoke(RunListeners);
    }

    private void RunListeners()
    {
        Action[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        List<Exception>? failures = null;
        foreach (var listener in listeners)
        {
            // A failing listener must not stop the others' tick.
            try
            {
                listener();
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }

    private sealed class Subscription(CircuitTicker owner, Action onTick) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onTick);
            }
        }
    }
}
