namespace Dashboard.Time;

/// <summary>
/// One timer per circuit (a scoped service) that ticks every second while at least one
/// component listens, and stops when the last one leaves. Ticks only re-render from the clock:
/// nothing here touches the database.
/// </summary>
public sealed class CircuitTicker(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _listeners = [];
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

    /// <summary>Calls <paramref name="onTick"/> every second until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onTick)
    {
        lock (_gate)
        {
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

    private void Unsubscribe(Func<Task> onTick)
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
        _timer?.Dispose();
        _timer = null;
    }

    private void Tick()
    {
        Func<Task>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            // Each listener marshals to its own renderer; a failing one must not stop the others.
            _ = listener();
        }
    }

    private sealed class Subscription(CircuitTicker owner, Func<Task> onTick) : IDisposable
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
