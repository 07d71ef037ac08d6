using System.Globalization;
using System.Threading.Channels;
using Dashboard.Core.Accounts;
using Dashboard.Core.Calendar;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dashboard.Core.Live;

/// <summary>
/// Carries what one node's listeners hear to every other node through PostgreSQL's LISTEN/NOTIFY
/// (no extra server): a region's change (boards, snapshots, notifications), an account's change
/// (open sessions), a calendar change (cached working days). Each change is published after its
/// commit, so a node that hears it reads the committed data. A payload is "node|kind|value"; a node
/// ignores its own. After a lost connection, whatever was missed meanwhile is made up by telling this
/// node's listeners that every region and the calendar changed. docs/adr/0012-postgresql.md.
/// </summary>
public sealed partial class PostgresSignals : BackgroundService
{
    public const string ChannelName = "cutover_live";

    /// <summary>The listening connection's application_name, to find it in pg_stat_activity.</summary>
    public const string ListenerName = "cutover-listen";

    private const char Separator = '|';

    private readonly IDbContextFactory<DashboardDbContext> _dbFactory;
    private readonly RegionActivity _regions;
    private readonly AccountChanges _accounts;
    private readonly RegionCalendars _calendars;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresSignals> _logger;
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public PostgresSignals(
        IDbContextFactory<DashboardDbContext> dbFactory, RegionActivity regions, AccountChanges accounts, RegionCalendars calendars,
        TimeProvider clock, ILogger<PostgresSignals> logger)
    {
        _dbFactory = dbFactory;
        _regions = regions;
        _accounts = accounts;
        _calendars = calendars;
        _clock = clock;
        _logger = logger;
        regions.Forward = id => Send('r', id.ToString(CultureInfo.InvariantCulture));
        accounts.Forward = userId => Send('a', userId);
        calendars.Forward = () => Send('c', "");
    }

    /// <summary>This node's name in payloads, different at every start.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Completes once this node listens (after a reconnect, again): tests wait for it instead of sleeping.</summary>
    public Task Listening => _listening.Task;

    private volatile TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Send(char kind, string value) => _outgoing.Writer.TryWrite($"{Node}{Separator}{kind}{Separator}{value}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sending = SendAsync(stoppingToken);
        await ListenAsync(stoppingToken);
        await sending;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connected = false;
        var wait = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(await ConnectionStringAsync(stoppingToken));
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (connected)
                {
                    await CatchUpAsync(stoppingToken);
                }

                connected = true;
                wait = TimeSpan.FromSeconds(1);
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                LogListenFailed(_logger, ex, wait.TotalSeconds);
                var retry = Task.Delay(wait, _clock, stoppingToken);
                if (_listening.Task.IsCompleted)
                {
                    _listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                try
                {
                    await retry;
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                wait = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds * 2, 30));
            }
        }
    }

    /// <summary>Sends queued changes, several in one round trip when they pile up.</summary>
    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 100 && _outgoing.Reader.TryRead(out var payload))
                {
                    batch.Add(payload);
                }

                try
                {
                    await using var db = await _dbFactory.CreateDbContextAsync(stoppingToken);
                    foreach (var payload in batch)
                    {
                        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ChannelName}, {payload})", stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or DbUpdateException)
                {
                    // The other nodes miss these; their catch-up after a reconnect, or the next change, brings them level.
                    LogSendFailed(_logger, ex, batch.Count);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split(Separator, 3);
        if (parts.Length != 3 || parts[0] == Node)
        {
            return;
        }

        switch (parts[1])
        {
            case "r" when int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var regionId):
                _regions.Deliver(regionId);
                break;
            case "a":
                _accounts.Deliver(parts[2]);
                break;
            case "c":
                _calendars.Drop();
                break;
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        _calendars.Drop();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var regionId in await db.Regions.Select(r => r.Id).ToListAsync(cancellationToken))
        {
            _regions.Deliver(regionId);
        }
    }

    private async Task<string> ConnectionStringAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, KeepAlive = 30, ApplicationName = ListenerName }.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' changes failed; trying again in {Seconds} s.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the other nodes of {Count} changes failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int count);
}
