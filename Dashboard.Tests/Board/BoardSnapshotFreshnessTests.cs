using Dashboard.Core.Board;
using Dashboard.Core.Live;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Board;

/// <summary>
/// A board never ends up showing a region as it was before the last change, and a failed read is
/// not kept: found as a flaky browser test, where under load the board kept a count from before
/// the desk's save.
/// </summary>
public sealed class BoardSnapshotFreshnessTests : SeededCoreTests
{
    private async Task<(BoardSnapshots Snapshots, int RegionId, RegionBoardSnapshot Real)> RehearsalAsync()
    {
        await using var db = Core.CreateDb();
        var regionId = await db.Regions.Where(r => r.Code == "rehearsal").Select(r => r.Id).SingleAsync();
        var snapshots = Core.Get<BoardSnapshots>();
        var scope = await Core.ScopeOf(DemoAccounts.Supervisor.UserName);
        return (snapshots, regionId, (await snapshots.GetAsync(scope, regionId))!);
    }

    [Fact]
    public async Task A_read_that_finishes_after_a_newer_one_does_not_replace_it_on_the_boards()
    {
        var (snapshots, regionId, real) = await RehearsalAsync();
        var older = new TaskCompletionSource<RegionBoardSnapshot?>();
        var newer = new TaskCompletionSource<RegionBoardSnapshot?>();
        var reads = new Queue<TaskCompletionSource<RegionBoardSnapshot?>>([older, newer]);
        snapshots.Read = _ => reads.Dequeue().Task;
        var shown = new List<RegionBoardSnapshot>();
        snapshots.Updated += shown.Add;
        var activity = Core.Get<RegionActivity>();

        activity.Publish(regionId);
        Core.Clock.Advance(BoardSnapshots.Coalesce);
        await WaitUntil(() => reads.Count == 1);
        activity.Publish(regionId);
        Core.Clock.Advance(BoardSnapshots.Coalesce);
        await WaitUntil(() => reads.Count == 0);
        newer.SetResult(real with { FormsOutstanding = 2 });
        await WaitUntil(() => shown.Count == 1);
        older.SetResult(real with { FormsOutstanding = 1 });

        var scope = await Core.ScopeOf(DemoAccounts.Supervisor.UserName);
        Assert.Equal(2, (await snapshots.GetAsync(scope, regionId))!.FormsOutstanding);
        Assert.Equal([2], shown.Select(s => s.FormsOutstanding));
    }

    [Fact]
    public async Task A_failed_read_is_read_again_on_the_next_look_instead_of_failing_until_the_region_changes()
    {
        var (snapshots, regionId, real) = await RehearsalAsync();
        var scope = await Core.ScopeOf(DemoAccounts.Supervisor.UserName);
        snapshots.Read = _ => Task.FromException<RegionBoardSnapshot?>(new TimeoutException("database busy"));
        Core.Get<RegionActivity>().Publish(regionId);
        Core.Clock.Advance(BoardSnapshots.Coalesce);
        await WaitUntil(() => snapshots.GetAsync(scope, regionId).IsFaulted);

        snapshots.Read = _ => Task.FromResult<RegionBoardSnapshot?>(real with { FormsOutstanding = 7 });

        Assert.Equal(7, (await snapshots.GetAsync(scope, regionId))!.FormsOutstanding);
    }

    [Fact]
    public async Task A_board_that_fails_to_take_a_snapshot_does_not_keep_the_other_boards_from_it()
    {
        var (snapshots, regionId, real) = await RehearsalAsync();
        snapshots.Read = _ => Task.FromResult<RegionBoardSnapshot?>(real with { FormsOutstanding = 3 });
        snapshots.Updated += _ => throw new ObjectDisposedException("a closed circuit's board");
        var shown = new List<RegionBoardSnapshot>();
        snapshots.Updated += shown.Add;

        Core.Get<RegionActivity>().Publish(regionId);
        Core.Clock.Advance(BoardSnapshots.Coalesce);

        await WaitUntil(() => shown.Count == 1);
        Assert.Equal(3, shown[0].FormsOutstanding);
    }

    [Fact]
    public void A_listener_that_fails_never_fails_the_save_that_published_nor_the_other_listeners()
    {
        var activity = Core.Get<RegionActivity>();
        var heard = new List<int>();
        using var failing = activity.Subscribe(_ => throw new InvalidOperationException("a broken listener"));
        using var listening = activity.Subscribe(heard.Add);

        activity.Publish(42);

        Assert.Equal([42], heard);
    }

    [Fact]
    public async Task A_board_gets_only_the_regions_its_user_may_see()
    {
        var (snapshots, regionId, _) = await RehearsalAsync();
        var manager = await Core.ScopeOf(DemoAccounts.Manager.UserName);
        await using var db = Core.CreateDb();
        var managed = await db.Users.Where(u => u.UserName == DemoAccounts.Manager.UserName).SelectMany(u => u.Regions.Select(r => r.RegionId)).ToListAsync();
        var hidden = await db.Regions.Where(r => !managed.Contains(r.Id)).Select(r => r.Id).FirstAsync();

        var visible = await snapshots.GetVisibleAsync(manager);

        Assert.Equal(managed.Order(), visible.Select(s => s.RegionId).Order());
        Assert.Null(await snapshots.GetAsync(manager, hidden));
        Assert.Contains(regionId, managed);
    }

    /// <summary>The recompute runs on the thread pool after the fake clock's delay; poll for its step.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
