using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Live;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// How long open boards take to show what happened: someone else's change (a milestone marked at risk
/// with a reason that names the round), and a time-driven one (a milestone whose time comes with nobody
/// touching anything turns late). The server makes the change or sets the time and says when (Unix ms);
/// every open board is watched until its activity strip shows it; latency is that moment minus the
/// server's. Browser and server share this machine's clock.
/// </summary>
internal static class LiveLatency
{
    public const string ChangeProbe = "change";
    public const string LateProbe = "late-in";

    /// <summary>Seconds ahead the time-driven round sets its milestone's time: enough for every board to have the new plan first.</summary>
    public const int LateAfterSeconds = 5;

    private const string ReasonPrefix = "latency-";
    private const string TitlePrefix = "延迟测量-";

    /// <summary>The driver's side: one round of each kind; prints median and slowest board.</summary>
    public static async Task MeasureAsync(ServerProbe server, IReadOnlyList<IPage> boards, int rounds, TextWriter output, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= rounds; round++)
        {
            var marker = ReasonPrefix + round.ToString(CultureInfo.InvariantCulture);
            var collect = await WatchAsync(boards, marker);
            var changedAt = await server.AskAsync($"{ChangeProbe} {round}", cancellationToken);
            await ReportAsync("a change by someone else", changedAt, await collect(), output);

            var title = TitlePrefix + round.ToString(CultureInfo.InvariantCulture);
            collect = await WatchAsync(boards, title, "[data-kind=Late]");
            var dueAt = await server.AskAsync($"{LateProbe} {round}", cancellationToken);
            await ReportAsync("a milestone turning late", dueAt, await collect(), output);
        }
    }

    /// <summary>
    /// Each board's moment (Unix ms, the browser's clock) its strip first shows a line containing
    /// <paramref name="text"/>: a MutationObserver in each page notes it as the DOM changes, so watching
    /// adds no polling load to the machine being measured; the driver collects the notes afterwards.
    /// </summary>
    private static async Task<Func<Task<long[]>>> WatchAsync(IReadOnlyList<IPage> boards, string text, string filter = "")
    {
        const string Observe = """
            ([text, filter]) => {
                window.__latencySeen = 0;
                window.__latencyObserver?.disconnect();
                const check = () => {
                    if (!window.__latencySeen && [...document.querySelectorAll('.activity-strip li' + filter)].some(li => li.textContent.includes(text))) {
                        window.__latencySeen = Date.now();
                    }
                };
                window.__latencyObserver = new MutationObserver(check);
                window.__latencyObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """;
        foreach (var page in boards)
        {
            await page.EvaluateAsync(Observe, new object[] { text, filter });
        }

        return () => Task.WhenAll(boards.Select(async page =>
        {
            var seen = await page.WaitForFunctionAsync("() => window.__latencySeen", null, new() { PollingInterval = 250, Timeout = 60_000 });
            return await seen.JsonValueAsync<long>();
        }));
    }

    private static Task ReportAsync(string what, long at, long[] seen, TextWriter output)
    {
        var latencies = seen.Select(s => (double)(s - at)).Order().ToList();
        return output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "  live latency, {0}, {1} boards: median {2:N0} ms, slowest {3:N0} ms", what, latencies.Count, latencies[latencies.Count / 2], latencies[^1]));
    }

    /// <summary>The server's side of a probe: makes the change or sets the time, and answers when (Unix ms).</summary>
    public static async Task<long> AnswerAsync(IServiceProvider services, string probe, TimeProvider clock)
    {
        var parts = probe.Split(' ');
        var round = parts[1];
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var regionId = await db.Regions.Where(r => r.Code == RehearsalRegion.Code).Select(r => r.Id).SingleAsync();
        var milestones = db.Milestones.Where(m => m.Plan!.RegionId == regionId && !m.IsRemoved);
        if (parts[0] == ChangeProbe)
        {
            var goLive = await milestones.SingleAsync(m => m.Kind == MilestoneKind.GoLive);
            var adminId = await db.Users.Where(u => u.UserName == DemoAccounts.Admin.UserName).Select(u => u.Id).SingleAsync();
            var admin = (await services.GetRequiredService<AccessScopeResolver>().ResolveAsync(adminId, null))!;
            var result = await services.GetRequiredService<PlanEditingService>().MarkAsync(admin, goLive.Id, goLive.Version, MilestoneStatus.AtRisk, ReasonPrefix + round);
            return result.Succeeded ? clock.GetUtcNow().ToUnixTimeMilliseconds() : throw new InvalidOperationException($"The latency round's change was refused: {result.Status}.");
        }

        // A milestone far ahead, brought to a few seconds from now: it turns late then, with no edit.
        var due = clock.GetUtcNow().AddSeconds(LateAfterSeconds);
        var last = await milestones.Where(m => m.Status == MilestoneStatus.Pending).OrderByDescending(m => m.DueUtc).FirstAsync();
        await db.Milestones.Where(m => m.Id == last.Id).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.DueUtc, due.UtcDateTime).SetProperty(x => x.Precision, MilestonePrecision.Minute).SetProperty(x => x.TitleZh, TitlePrefix + round));
        services.GetRequiredService<RegionActivity>().Publish(regionId);
        return due.ToUnixTimeMilliseconds();
    }
}
