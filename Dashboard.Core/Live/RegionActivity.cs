using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Live;

/// <summary>
/// Tells whoever listens that something in a region changed (a record, a milestone). Listeners
/// must be quick: they are called on the saving thread. Subscriptions are disposable. A listener
/// that fails is logged and never fails the save that published, nor keeps the others from hearing.
/// </summary>
public sealed partial class RegionActivity(ILogger<RegionActivity> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Action<int>> _listeners = [];

    /// <summary>
    /// Where a change made on this node goes to reach the other nodes (<see cref="PostgresSignals"/>);
    /// unset on a single node.
    /// </summary>
    internal Action<int>? Forward { get; set; }

    /// <summary>Something in the region changed on this node: its listeners hear it, and so do the other nodes'.</summary>
    public void Publish(int regionId)
    {
        Deliver(regionId);
        Forward?.Invoke(regionId);
    }

    /// <summary>A change made on another node: only this node's listeners hear it.</summary>
    internal void Deliver(int regionId)
    {
        Action<int>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            try
            {
                listener(regionId);
            }
            catch (Exception ex)
            {
                ListenerFailed(logger, ex, regionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A listener of region {RegionId}'s changes failed.")]
    private static partial void ListenerFailed(ILogger logger, Exception exception, int regionId);

    public IDisposable Subscribe(Action<int> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _listeners.Remove(listener);
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
