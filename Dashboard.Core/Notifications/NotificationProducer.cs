using Dashboard.Core.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Notifications;

/// <summary>
/// Runs the <see cref="NotificationScanner"/> when a region changes (<see cref="RegionActivity"/>), when
/// the next milestone event begins, and at least every <see cref="MaxWait"/> (records' deadlines pass
/// without any change to announce it). A save only sets a signal here: it never waits for a scan.
/// </summary>
public sealed partial class NotificationProducer(NotificationScanner scanner, RegionActivity activity, TimeProvider clock, ILogger<NotificationProducer> logger)
    : BackgroundService
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly WakeSignal _changed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = activity.Subscribe(_ => _changed.Set());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset? next = null;
                try
                {
                    next = await scanner.ScanAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database busy or a bad row: the next pass tries again; nothing was half-saved.
                    ScanFailed(logger, ex);
                }

                var wait = next is { } at ? at - clock.GetUtcNow() : MaxWait;
                await _changed.WaitAsync(wait < MaxWait ? wait : MaxWait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for notifications to send failed; trying again shortly.")]
    private static partial void ScanFailed(ILogger logger, Exception exception);
}
