using Dashboard.Core;
using Dashboard.Core.Audit;
using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// The outbox survives the process: a new producer and dispatcher over the same database (the app
/// started again) deliver what was pending, and derive nothing twice.
/// </summary>
public sealed class RestartTests : NotificationTestBase
{
    [Fact]
    public async Task After_a_restart_pending_messages_are_delivered_and_nothing_is_queued_or_sent_twice()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", NotificationEvents.MilestoneChanged | NotificationEvents.Due1Hour);
        var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
        Assert.True((await Core.Get<PlanEditingService>().MarkAsync(Admin, stop.Id, stop.Version, MilestoneStatus.AtRisk, "机房搬迁")).Succeeded);
        Receiver.ThenStatus(500);

        // Before the restart: the change's delivery fails; then the due-in-1h is queued and the process stops before sending it.
        await ScanAndDeliverAsync();
        Core.Clock.Advance(stop.LateFromUtc - Core.Clock.GetUtcNow() - TimeSpan.FromMinutes(30));
        await Scanner.ScanAsync();
        var queued = await MessagesAsync();
        Assert.Equal(["change:", "due1h:"], queued.Select(m => m.EventKey[..(m.EventKey.IndexOf(':', StringComparison.Ordinal) + 1)]));
        Assert.Single(Receiver.Requests);

        await using (var restarted = Restart())
        {
            await restarted.GetRequiredService<NotificationScanner>().ScanAsync();
            Assert.Equal(queued.Select(m => m.Id), (await MessagesAsync()).Select(m => m.Id));

            var dispatcher = ActivatorUtilities.CreateInstance<NotificationDispatcher>(restarted);
            Assert.Null(await dispatcher.DeliverDueAsync());
            await dispatcher.DeliverDueAsync();
        }

        Assert.Equal(3, Receiver.Requests.Count);
        Assert.Equal(2, Receiver.Requests.Select(r => r.Body).Distinct().Count());
        Assert.All(await MessagesAsync(), m => Assert.Equal(DeliveryStatus.Delivered, m.Status));
    }

    [Fact]
    public async Task An_audit_event_that_cannot_be_read_is_passed_over_and_later_changes_are_still_announced()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", NotificationEvents.MilestoneChanged);
        await using (var db = Core.CreateDb())
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredUtc = Core.Clock.GetUtcNow().UtcDateTime, UserName = "import", Action = AuditActions.Update, EntityType = nameof(Milestone),
                EntityId = "not-a-number", AfterJson = "{",
            });
            await db.SaveChangesAsync();
        }

        await Scanner.ScanAsync();
        var stop = await MilestoneAsync("rehearsal", MilestoneKind.SystemStop);
        Assert.True((await Core.Get<PlanEditingService>().ConfirmAsync(Admin, stop.Id, stop.Version)).Succeeded);
        await ScanAndDeliverAsync();

        Assert.Equal("milestoneChanged", Assert.Single(Receiver.Requests).Json.GetProperty("event").GetString());
    }

    /// <summary>A second app's core over the test's database and clock, as after the process started again.</summary>
    private ServiceProvider Restart()
    {
        var file = new SqliteConnectionStringBuilder(Core.ConnectionString).DataSource;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = Core.ConnectionString,
            ["Dashboard:DataFolder"] = Path.GetDirectoryName(file),
        }).Build();
        return new ServiceCollection().AddLogging().AddDashboardCore(configuration, Path.GetTempPath()).AddSingleton<TimeProvider>(Core.Clock).BuildServiceProvider();
    }
}
