using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// As the clock moves, the rehearsal's system stop is announced once due within 24 hours, once within
/// 1 hour, and once late; scanning again adds nothing, and moving the milestone announces it again.
/// </summary>
public sealed class TimeDrivenEventTests : NotificationTestBase
{
    private const NotificationEvents Clock = NotificationEvents.Due24Hours | NotificationEvents.Due1Hour | NotificationEvents.BecameLate;

    private async Task<List<string>> KeysOfAsync(int milestoneId) =>
        [.. (await MessagesAsync()).Select(m => m.EventKey).Where(k => k.Split(':')[1] == milestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private async Task ScanTwiceAtAsync(DateTimeOffset instant)
    {
        Core.Clock.Advance(instant - Core.Clock.GetUtcNow());
        await Scanner.ScanAsync();
        await Scanner.ScanAsync();
    }

    [Fact]
    public async Task A_milestone_is_announced_once_due_in_24_hours_once_due_in_1_hour_and_once_late()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", Clock);
        var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
        var ticks = stop.LateFromUtc.UtcTicks;

        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        Assert.Empty(await KeysOfAsync(stop.Id));
        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromHours(24));
        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromHours(2));
        Assert.Equal([$"due24h:{stop.Id}:{ticks}"], await KeysOfAsync(stop.Id));
        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromMinutes(59));
        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromMinutes(1));
        await ScanTwiceAtAsync(stop.LateFromUtc);
        await ScanTwiceAtAsync(stop.LateFromUtc + TimeSpan.FromHours(3));

        Assert.Equal([$"due24h:{stop.Id}:{ticks}", $"due1h:{stop.Id}:{ticks}", $"late:{stop.Id}:{ticks}"], await KeysOfAsync(stop.Id));
        await Dispatcher.DeliverDueAsync();
        var late = Receiver.Requests.Select(r => r.Json).Single(j => j.GetProperty("event").GetString() == "milestoneLate" && j.GetProperty("milestone").GetProperty("id").GetInt32() == stop.Id);
        Assert.Equal("Late", late.GetProperty("milestone").GetProperty("state").GetString());
        Assert.Equal(SeededPlans.Shanghai(2026, 11, 24, 12, 0), stop.DueUtc);
        Assert.Equal("2026-11-24 12:00", late.GetProperty("milestone").GetProperty("localTime").GetString());
    }

    [Fact]
    public async Task A_milestone_done_in_time_is_never_late_and_a_moved_one_is_announced_for_its_new_time()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", Clock);
        var editing = Core.Get<PlanEditingService>();
        var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromMinutes(30));

        Assert.True((await editing.MoveAsync(Admin, stop.Id, stop.Version, "2026-11-25 12:00", "推迟一天", confirmed: false)).Succeeded);
        var moved = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
        await ScanTwiceAtAsync(stop.LateFromUtc + TimeSpan.FromMinutes(1));
        Assert.True((await editing.MarkAsync(Admin, stop.Id, moved.Version, MilestoneStatus.Done, null)).Succeeded);
        await ScanTwiceAtAsync(moved.LateFromUtc + TimeSpan.FromMinutes(1));

        Assert.Equal([$"due1h:{stop.Id}:{stop.LateFromUtc.UtcTicks}", $"due24h:{stop.Id}:{moved.LateFromUtc.UtcTicks}"], await KeysOfAsync(stop.Id));
    }

    [Fact]
    public async Task Events_the_target_does_not_want_are_not_queued()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", NotificationEvents.BecameLate);
        var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);

        await ScanTwiceAtAsync(stop.LateFromUtc - TimeSpan.FromMinutes(30));
        Assert.Empty(await KeysOfAsync(stop.Id));
        await ScanTwiceAtAsync(stop.LateFromUtc);
        Assert.Equal([$"late:{stop.Id}:{stop.LateFromUtc.UtcTicks}"], await KeysOfAsync(stop.Id));
    }
}
