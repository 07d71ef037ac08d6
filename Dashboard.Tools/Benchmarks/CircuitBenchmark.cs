using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Core;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// What open boards and overviews cost the server. The app runs in a child process (this tool
/// started again with <see cref="ServerCommand"/>), so the browser driver's own objects and work are
/// not counted: Debian's Chromium opens N boards, then N overviews, as a signed-in supervisor, and
/// each stage is measured in rounds: the server's managed memory after a forced full collection (per
/// circuit, against the same server before any page was opened) and the server process's CPU while
/// the pages sit open. The child runs under the app's runtimeconfig (server GC, the thread pool's
/// settings), not the tool's. The browser and the driver are other processes. As the baseline of the same
/// run, N circuits that show only the layout (the not-found page) are measured first and closed.
/// With the boards open, <see cref="LiveLatency"/> measures how long a change and a time-driven change take to reach them.
/// </summary>
public static class CircuitBenchmark
{
    internal const string ChromiumPath = "/usr/bin/chromium";

    public const string ServerCommand = "benchmark-circuits-server";

    public static Command Create(ToolContext context, Func<string[]> serverCommand)
    {
        var boards = Number("--boards", "Boards to open.", 50);
        var overviews = Number("--overviews", "Overviews to open after the boards.", 50);
        var rounds = Number("--rounds", "Measurements of each stage.", 3);
        var seconds = Number("--seconds", "Seconds of CPU measured in each round.", 20);
        var command = new Command("benchmark-circuits", "Measures server memory per open board and overview and the server's CPU while they are open.")
        {
            boards, overviews, rounds, seconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await RunAsync(context, serverCommand(), parse.GetValue(boards), parse.GetValue(overviews), parse.GetValue(rounds), TimeSpan.FromSeconds(parse.GetValue(seconds)),
                parse.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The measured server: the app on a throwaway database, answering the benchmark's probes on standard input.</summary>
    public static Command CreateServer(ToolContext context)
    {
        var folder = new Option<string>("--folder") { Description = "The throwaway data folder.", Required = true };
        var command = new Command(ServerCommand, "Runs the app for benchmark-circuits and answers its probes (collect, cpu, quit) on standard input.")
        {
            folder,
        };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            await ServeAsync(context, parse.GetValue(folder)!, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(
        ToolContext context, string[] serverCommand, int boards, int overviews, int rounds, TimeSpan window, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.TempFolder, "cutover-circuits-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = await ServerProbe.StartAsync(serverCommand, [ServerCommand, "--folder", folder], cancellationToken);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
            var browserContext = await browser.NewContextAsync(new() { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 } });
            await SignInAsync(await browserContext.NewPageAsync(), DemoAccounts.Supervisor);

            await Task.Delay(window, cancellationToken); // start-up work (JIT, first queries) settles
            var empty = await server.ManagedBytesAfterCollectionAsync(cancellationToken);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "server (its own process) before any page: {0:N1} MB managed, CPU {1:N1}% of one core; {2} cores",
                empty / 1e6, await server.CpuPercentAsync(window, cancellationToken), Environment.ProcessorCount));

            // The baseline of the same run: circuits showing only the layout (the not-found page), then closed again.
            var layoutContext = await browser.NewContextAsync(new() { BaseURL = server.BaseUrl, StorageState = await browserContext.StorageStateAsync() });
            await OpenAsync(layoutContext, "/benchmark-no-such-page", boards);
            await MeasureAsync(server, "layout only (page not found)", boards, empty, rounds, window, output, cancellationToken);
            await layoutContext.CloseAsync();

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            empty = await server.ManagedBytesAfterCollectionAsync(cancellationToken);
            var boardPages = await OpenAsync(browserContext, "/board", boards);
            var withBoards = await MeasureAsync(server, "boards", boards, empty, rounds, window, output, cancellationToken);
            await LiveLatency.MeasureAsync(server, boardPages, rounds, output, cancellationToken);
            withBoards = await server.ManagedBytesAfterCollectionAsync(cancellationToken);
            await OpenAsync(browserContext, "/", overviews);
            await MeasureAsync(server, "overviews", overviews, withBoards, rounds, window, output, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The child's side: start the app, print its address, then answer one line per probe until told to quit.</summary>
    private static async Task ServeAsync(ToolContext context, string folder, CancellationToken cancellationToken)
    {
        await using var app = await StartAppAsync(context, folder, cancellationToken);
        var stdout = Console.Out;
        await stdout.WriteLineAsync("url " + app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await stdout.FlushAsync(cancellationToken);
        while (await Console.In.ReadLineAsync(cancellationToken) is { } probe && probe != "quit")
        {
            using var process = Process.GetCurrentProcess();
            var answer = probe switch
            {
                "collect" => ManagedBytesAfterCollection(),
                "cpu" => (long)process.TotalProcessorTime.TotalMilliseconds,
                _ when probe.StartsWith(LiveLatency.ChangeProbe, StringComparison.Ordinal) || probe.StartsWith(LiveLatency.LateProbe, StringComparison.Ordinal) =>
                    await LiveLatency.AnswerAsync(app.Services, probe, app.Services.GetRequiredService<TimeProvider>()),
                _ => -1,
            };
            await stdout.WriteLineAsync(answer.ToString(CultureInfo.InvariantCulture));
            await stdout.FlushAsync(cancellationToken);
        }

        await app.StopAsync(cancellationToken);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The app as Program.cs builds it, on a throwaway database with the demo data, on a free loopback port.</summary>
    private static async Task<WebApplication> StartAppAsync(ToolContext context, string folder, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Dashboard",
            ContentRootPath = context.ContentRoot,
            EnvironmentName = "Development",
        });
        builder.Configuration.UseTopLevelAppSettings(builder.Environment.EnvironmentName);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = "",
            ["Dashboard:DataFolder"] = folder,
            ["Dashboard:DemoMode"] = "true",
        });
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDashboardUi();
        var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        app.UseDashboardUi();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static async Task SignInAsync(IPage page, DemoAccounts.DemoAccount account)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(account.UserName);
        await page.Locator("#password").FillAsync(account.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>Opens the pages one after another, each until its circuit is live, as people arriving at their desks.</summary>
    private static async Task<IReadOnlyList<IPage>> OpenAsync(IBrowserContext browserContext, string path, int count)
    {
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await browserContext.NewPageAsync();
            await page.GotoAsync(path, new() { Timeout = 120_000, WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.Locator(".app-root[data-interactive='true']").WaitForAsync(new() { Timeout = 120_000 });
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>Prints each round and the minimum and median; returns the last round's managed bytes (the next stage's baseline).</summary>
    private static async Task<long> MeasureAsync(
        ServerProbe server, string what, int count, long before, int rounds, TimeSpan window, TextWriter output, CancellationToken cancellationToken)
    {
        var perCircuit = new List<double>();
        var cpu = new List<double>();
        long managed = 0;
        for (var round = 1; round <= rounds; round++)
        {
            managed = await server.ManagedBytesAfterCollectionAsync(cancellationToken);
            perCircuit.Add((managed - before) / 1024.0 / count);
            cpu.Add(await server.CpuPercentAsync(window, cancellationToken));
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "  {0} open {1,3}, round {2}: {3,8:N0} KB managed per circuit, server CPU {4,5:N1}% of one core", what, count, round, perCircuit[^1], cpu[^1]));
        }

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "{0} ({1} open): memory per circuit min {2:N0} KB, median {3:N0} KB; server CPU min {4:N1}%, median {5:N1}% of one core ({6:N1}% of the machine)",
            what, count, perCircuit.Min(), Median(perCircuit), cpu.Min(), Median(cpu), Median(cpu) / Environment.ProcessorCount));
        return managed;
    }

    private static long ManagedBytesAfterCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Option<int> Number(string name, string description, int defaultValue) => new(name)
    {
        Description = $"{description} Default: {defaultValue.ToString(CultureInfo.InvariantCulture)}.",
        DefaultValueFactory = _ => defaultValue,
    };
}
