using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// A receiver that fails is tried again after the backoff, every attempt is in the log, and a message is given
/// up in the end; a robot gets no more than its rate limit; a redirect is not followed.
/// </summary>
public sealed class DeliveryRetryTests : NotificationTestBase
{
    private async Task MarkRehearsalStopAtRiskAsync()
    {
        var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
        Assert.True((await Core.Get<PlanEditingService>().MarkAsync(Admin, stop.Id, stop.Version, MilestoneStatus.AtRisk, "机房搬迁")).Succeeded);
    }

    [Fact]
    public async Task A_receiver_failing_first_gets_the_message_again_after_the_backoff_and_once_only()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", NotificationEvents.MilestoneChanged);
        Receiver.ThenStatus(500);

        await MarkRehearsalStopAtRiskAsync();
        await ScanAndDeliverAsync();
        var failed = Assert.Single(await MessagesAsync());
        Assert.Equal((DeliveryStatus.Pending, 1, "HTTP 500 Internal Server Error"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal(Core.Clock.GetUtcNow().UtcDateTime + RetryPolicy.Waits[0], failed.NextAttemptUtc);

        Core.Clock.Advance(RetryPolicy.Waits[0] - TimeSpan.FromSeconds(1));
        await ScanAndDeliverAsync();
        Assert.Single(Receiver.Requests);

        Core.Clock.Advance(TimeSpan.FromSeconds(1));
        await ScanAndDeliverAsync();
        await ScanAndDeliverAsync();

        Assert.Equal(2, Receiver.Requests.Count);
        Assert.Equal(Receiver.Requests[0].Body, Receiver.Requests[1].Body);
        var delivered = Assert.Single(await MessagesAsync());
        Assert.Equal((DeliveryStatus.Delivered, 2), (delivered.Status, delivered.Attempts));
        var attempts = await AttemptsAsync();
        Assert.Equal([(false, (int?)500), (true, 200)], attempts.Select(a => (a.Succeeded, a.StatusCode)));
    }

    [Fact]
    public async Task A_robot_answering_an_error_code_is_a_failed_attempt_with_the_robot_s_reason()
    {
        await AddTargetAsync("rehearsal", WebhookKind.WeCom, "/cgi-bin/webhook/send?key=k", NotificationEvents.MilestoneChanged);
        Receiver.ThenRobotError(93000, "invalid webhook url");

        await MarkRehearsalStopAtRiskAsync();
        await ScanAndDeliverAsync();

        var attempt = Assert.Single(await AttemptsAsync());
        Assert.Equal((false, (int?)200, "errcode 93000: invalid webhook url"), (attempt.Succeeded, attempt.StatusCode, attempt.Error));
        Assert.Equal(DeliveryStatus.Pending, Assert.Single(await MessagesAsync()).Status);
    }

    [Fact]
    public async Task A_message_is_marked_failed_after_the_last_attempt_and_not_sent_again()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", NotificationEvents.MilestoneChanged);
        for (var i = 0; i < RetryPolicy.MaxAttempts; i++)
        {
            Receiver.ThenStatus(503);
        }

        await MarkRehearsalStopAtRiskAsync();
        await ScanAndDeliverAsync();
        for (var attempt = 1; attempt < RetryPolicy.MaxAttempts; attempt++)
        {
            Core.Clock.Advance(RetryPolicy.WaitAfter(attempt));
            await Dispatcher.DeliverDueAsync();
        }

        Core.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await Dispatcher.DeliverDueAsync());
        Assert.Equal(RetryPolicy.MaxAttempts, Receiver.Requests.Count);
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal((DeliveryStatus.Failed, RetryPolicy.MaxAttempts, "HTTP 503 Service Unavailable"), (message.Status, message.Attempts, message.LastError));
    }

    [Fact]
    public async Task A_robot_gets_at_most_20_messages_a_minute_and_the_rest_wait_for_the_next_minute()
    {
        var target = await AddTargetAsync("rehearsal", WebhookKind.DingTalk, "/robot/send?access_token=t");
        var targets = Core.Get<WebhookTargetService>();
        for (var i = 0; i < NotificationDispatcher.RobotLimitPerMinute + 1; i++)
        {
            Assert.True((await targets.SendTestAsync(Admin, target)).Succeeded);
        }

        var next = await Dispatcher.DeliverDueAsync();
        Assert.Equal(NotificationDispatcher.RobotLimitPerMinute, Receiver.Requests.Count);
        Assert.Equal(Core.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), next);

        Core.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Dispatcher.DeliverDueAsync());
        Assert.Equal(NotificationDispatcher.RobotLimitPerMinute + 1, Receiver.Requests.Count);
        Assert.All(await AttemptsAsync(), a => Assert.True(a.Succeeded));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_attempt()
    {
        var target = await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a");
        Receiver.ThenRedirect(Receiver.Url("/elsewhere"));

        Assert.True((await Core.Get<WebhookTargetService>().SendTestAsync(Admin, target)).Succeeded);
        await Dispatcher.DeliverDueAsync();

        Assert.Equal(["/hooks/a"], Receiver.Requests.Select(r => r.Path));
        var attempt = Assert.Single(await AttemptsAsync());
        Assert.Equal((false, (int?)307), (attempt.Succeeded, attempt.StatusCode));
    }

    [Fact]
    public async Task A_message_that_cannot_be_sent_is_a_failed_attempt_and_does_not_hold_up_the_others()
    {
        var target = await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a");
        await using (var db = Core.CreateDb())
        {
            var now = Core.Clock.GetUtcNow().UtcDateTime;
            db.NotificationMessages.Add(new NotificationMessage { TargetId = target, EventKey = "test:broken", PayloadJson = "{", CreatedUtc = now, NextAttemptUtc = now });
            await db.SaveChangesAsync();
        }

        Assert.True((await Core.Get<WebhookTargetService>().SendTestAsync(Admin, target)).Succeeded);
        var next = await Dispatcher.DeliverDueAsync();

        Assert.Single(Receiver.Requests);
        Assert.Equal(Core.Clock.GetUtcNow() + RetryPolicy.Waits[0], next);
        var broken = (await MessagesAsync()).Single(m => m.EventKey == "test:broken");
        Assert.Equal((DeliveryStatus.Pending, 1, "JsonException"), (broken.Status, broken.Attempts, broken.LastError));
    }
}
