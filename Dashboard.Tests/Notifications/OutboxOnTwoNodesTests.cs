using Dashboard.Core.Notifications;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// Two nodes dispatch one PostgreSQL outbox (issue 17): each notification is sent once, by one node.
/// Node A is held in the middle of sending the first message; node B, dispatching meanwhile, skips the
/// message A holds and sends all the others.
/// </summary>
public sealed class OutboxOnTwoNodesTests() : SeededCoreTests(DatabaseProvider.PostgreSql)
{
    private const int Messages = 12;

    [Fact]
    public async Task Two_nodes_dispatching_at_once_send_each_message_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var targetId = await AddTargetAsync(receiver);
        await QueueAsync(targetId);
        await using var nodeB = Core.NewNode();
        var dispatcherA = ActivatorUtilities.CreateInstance<NotificationDispatcher>(Core.Services);
        var dispatcherB = ActivatorUtilities.CreateInstance<NotificationDispatcher>(nodeB);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.ThenWaitFor(release.Task);

        var nodeA = Task.Run(() => dispatcherA.DeliverDueAsync());
        await receiver.WaitForRequestsAsync(1);
        await dispatcherB.DeliverDueAsync();
        release.SetResult();
        await nodeA;

        var sent = receiver.Requests.Select(r => r.Json.GetProperty("region").GetProperty("name").GetString()).ToList();
        Assert.Equal(Messages, sent.Count);
        Assert.Equal(Messages, sent.Distinct().Count());
        await using var db = Core.CreateDb();
        Assert.All(await db.NotificationMessages.ToListAsync(), m => Assert.Equal((DeliveryStatus.Delivered, 1), (m.Status, m.Attempts)));
        Assert.Equal(Messages, await db.DeliveryAttempts.CountAsync());
    }

    private async Task<int> AddTargetAsync(WebhookReceiver receiver)
    {
        var admin = await Core.ScopeOf(DemoAccounts.Admin.UserName);
        var region = (await Core.Get<Dashboard.Core.Plans.CutoverPlanService>().GetRegionOptionsAsync()).Single(r => r.Code == RehearsalRegion.Code);
        var created = await Core.Get<WebhookTargetService>().CreateAsync(admin, new WebhookTargetInput
        {
            RegionId = region.Id, Name = "两节点", Kind = WebhookKind.Generic, Url = receiver.Url("/hook"),
        });
        Assert.True(created.Succeeded);
        return created.Value;
    }

    private async Task QueueAsync(int targetId)
    {
        await using var db = Core.CreateDb();
        var now = Core.Clock.GetUtcNow();
        var queued = Enumerable.Range(0, Messages)
            .Select(i => new QueuedNotification(targetId, $"test:{i}", new NotificationContent("Test", now, new RegionPart("r" + i, "消息" + i, "Message " + i))))
            .ToList();
        Assert.Equal(Messages, await Core.Get<NotificationOutbox>().AddAsync(db, queued, CancellationToken.None));
        await db.SaveChangesAsync();
    }
}
