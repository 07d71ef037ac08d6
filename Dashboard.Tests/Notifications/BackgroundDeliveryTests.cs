using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// The app's background services on their own: a milestone change wakes the producer, the dispatcher
/// sends, and a receiver that hangs delays no one's save.
/// </summary>
public sealed class BackgroundDeliveryTests : NotificationTestBase
{
    [Fact]
    public async Task A_hanging_receiver_does_not_hold_up_saves_and_gets_every_change_when_it_answers()
    {
        await AddTargetAsync("rehearsal", WebhookKind.WeCom, "/cgi-bin/webhook/send?key=k", NotificationEvents.MilestoneChanged);
        var release = new TaskCompletionSource();
        Receiver.ThenWaitFor(release.Task);
        var services = Core.Services.GetServices<IHostedService>().Where(s => s is NotificationProducer or NotificationDispatcher).ToList();
        Assert.Equal(2, services.Count);
        foreach (var service in services)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var editing = Core.Get<PlanEditingService>();
            var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
            Assert.True((await editing.MarkAsync(Admin, stop.Id, stop.Version, MilestoneStatus.AtRisk, "机房搬迁")).Succeeded);
            await Receiver.WaitForRequestsAsync(1);

            // The first message is still waiting for the receiver's answer; the next save is not.
            var goLive = await MilestoneAsync("rehearsal", MilestoneKind.GoLive);
            Assert.True((await editing.ConfirmAsync(Admin, goLive.Id, goLive.Version)).Succeeded);
            Assert.Single(Receiver.Requests);

            release.SetResult();
            await Receiver.WaitForRequestsAsync(2);
            Assert.Contains("有风险", Receiver.Requests[0].Body, StringComparison.Ordinal);
            Assert.Contains("修改节点", Receiver.Requests[1].Body, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var service in services)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }
}
