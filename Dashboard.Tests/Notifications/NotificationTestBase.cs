using Dashboard.Core.Access;
using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// A seeded core, a local webhook receiver, and the producer's first pass done (as at the app's start),
/// so that changes made by a test are news. The scanner and dispatcher are driven one pass at a time on the
/// test's clock; the hosted loops are tested on their own.
/// </summary>
public abstract class NotificationTestBase : IAsyncLifetime
{
    private NotificationDispatcher? _dispatcher;

    protected SeededCore Core { get; } = new();

    internal WebhookReceiver Receiver { get; private set; } = null!;

    protected AccessScope Admin { get; private set; } = null!;

    protected NotificationScanner Scanner => Core.Get<NotificationScanner>();

    protected NotificationDispatcher Dispatcher => _dispatcher ??= ActivatorUtilities.CreateInstance<NotificationDispatcher>(Core.Services);

    public async Task InitializeAsync()
    {
        await Core.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
        Admin = await Core.ScopeOf("demo-admin");
        await Scanner.ScanAsync();
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Core.DisposeAsync();
    }

    protected async Task<int> AddTargetAsync(
        string regionCode, WebhookKind kind, string pathAndQuery, NotificationEvents events = NotificationEvents.All, string? secret = null, int threshold = 10)
    {
        var region = (await Core.Get<CutoverPlanService>().GetRegionOptionsAsync()).Single(r => r.Code == regionCode);
        var result = await Core.Get<WebhookTargetService>().CreateAsync(Admin, new WebhookTargetInput
        {
            RegionId = region.Id, Name = $"{regionCode} {kind}", Kind = kind, Url = Receiver.Url(pathAndQuery), Secret = secret, Events = events,
            OverdueThreshold = threshold,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Result.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        return result.Value;
    }

    protected async Task<RegionPlan> PlanAsync(string code) => (await Core.Get<CutoverPlanService>().GetPlanAsync(code))!;

    protected async Task<MilestoneView> MilestoneAsync(string code, MilestoneKind kind) =>
        (await PlanAsync(code)).Milestones.First(m => m.Kind == kind);

    protected async Task<List<NotificationMessage>> MessagesAsync()
    {
        await using var db = Core.CreateDb();
        return await db.NotificationMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    protected async Task<List<DeliveryAttempt>> AttemptsAsync()
    {
        await using var db = Core.CreateDb();
        return await db.DeliveryAttempts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>One producer pass and one dispatcher pass: what the background services do after a change.</summary>
    protected async Task ScanAndDeliverAsync()
    {
        await Scanner.ScanAsync();
        await Dispatcher.DeliverDueAsync();
    }
}
