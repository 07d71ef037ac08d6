using Dashboard.Core.Accounts;
using Dashboard.Core.Calendar;
using Dashboard.Core.Live;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Persistence;

/// <summary>
/// Two nodes on one PostgreSQL database (issue 17): what one node's listeners hear reaches the
/// other's through LISTEN/NOTIFY, a node does not hear its own change twice, and a node that lost
/// its connection makes up what it missed.
/// </summary>
public sealed class CrossNodeSignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private readonly TempDatabase _database = new(DatabaseProvider.PostgreSql);
    private readonly FakeTimeProvider _clock = new(TestClocks.FirstStart);
    private ServiceProvider _nodeA = null!;
    private ServiceProvider _nodeB = null!;

    public async Task InitializeAsync()
    {
        await CoreServices.SeedAsync(_database, _clock);
        _nodeA = await StartNodeAsync();
        _nodeB = await StartNodeAsync();
    }

    [Fact]
    public async Task A_region_change_on_one_node_reaches_the_other_nodes_listeners_once()
    {
        var heardOnB = new List<int>();
        var heardOnA = new List<int>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = _nodeB.GetRequiredService<RegionActivity>().Subscribe(id =>
        {
            lock (heardOnB)
            {
                heardOnB.Add(id);
            }

            arrived.TrySetResult();
        });
        using var onA = _nodeA.GetRequiredService<RegionActivity>().Subscribe(id =>
        {
            lock (heardOnA)
            {
                heardOnA.Add(id);
            }
        });

        _nodeA.GetRequiredService<RegionActivity>().Publish(42);

        await arrived.Task.WaitAsync(Limit);
        Assert.Equal([42], heardOnB);
        Assert.Equal([42], heardOnA);
    }

    [Fact]
    public async Task An_account_change_on_one_node_reaches_the_sessions_of_the_other()
    {
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _nodeB.GetRequiredService<AccountChanges>().Changed += userId => arrived.TrySetResult(userId);

        _nodeA.GetRequiredService<AccountChanges>().Publish("user-7");

        Assert.Equal("user-7", await arrived.Task.WaitAsync(Limit));
    }

    [Fact]
    public async Task A_calendar_change_on_one_node_drops_the_other_nodes_cached_calendar()
    {
        var calendarsOnB = _nodeB.GetRequiredService<RegionCalendars>();
        var before = await calendarsOnB.GetAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var marker = _nodeB.GetRequiredService<RegionActivity>().Subscribe(_ => arrived.TrySetResult());

        // The calendar's own signal and then a region's, in that order on one connection: when the
        // region's arrives, the calendar's has been handled.
        _nodeA.GetRequiredService<RegionCalendars>().Invalidate();
        _nodeA.GetRequiredService<RegionActivity>().Publish(1);
        await arrived.Task.WaitAsync(Limit);

        Assert.NotSame(before, await calendarsOnB.GetAsync());
    }

    [Fact]
    public async Task A_node_that_lost_its_connection_listens_again_and_makes_up_what_it_missed()
    {
        var signalsOnB = _nodeB.GetRequiredService<PostgresSignals>();
        var lost = signalsOnB.Listening;
        var heard = new HashSet<int>();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var db = await _nodeB.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var regions = await db.Regions.Select(r => r.Id).ToListAsync();
        using var onB = _nodeB.GetRequiredService<RegionActivity>().Subscribe(id =>
        {
            lock (heard)
            {
                if (heard.Add(id) && heard.Count == regions.Count)
                {
                    caughtUp.TrySetResult();
                }
            }
        });

        // The server drops node B's listening connection (a restart, a network cut).
        await db.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = {PostgresSignals.ListenerName} AND datname = current_database()");
        while (ReferenceEquals(lost, signalsOnB.Listening))
        {
            await Task.Delay(5);
        }

        // Its first retry is a second later: then it listens again and tells its listeners every region changed.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await signalsOnB.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(regions.Order(), heard.Order());
    }

    private async Task<ServiceProvider> StartNodeAsync()
    {
        var node = new ServiceCollection().AddTestCore(_database, _clock).BuildServiceProvider();
        var signals = node.GetRequiredService<PostgresSignals>();
        await signals.StartAsync(CancellationToken.None);
        await signals.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        return node;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            if (node is not null)
            {
                await node.GetRequiredService<PostgresSignals>().StopAsync(CancellationToken.None);
                await node.DisposeAsync();
            }
        }

        _database.Dispose();
    }
}
