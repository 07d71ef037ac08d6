namespace Dashboard.Core.Notifications;

/// <summary>
/// Wakes a background loop early: <see cref="Set"/> from any thread (never blocks), <see cref="WaitAsync"/>
/// returns when set or after the timeout on the app's clock. A set while nobody waits is kept for the next wait.
/// </summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _set = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _set).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _set);
        if (!current.Task.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, clock, stop.Token);
            await Task.WhenAny(current.Task, delay);
            await stop.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _set, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
