using System.Diagnostics;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Two application nodes on two ports and one PostgreSQL database (issue 17): a desk saves on node A,
/// and a supervisor's board served by node B shows it within two seconds, without a reload. The nodes
/// started together, so one migrated and seeded the database while the other waited for it; the
/// supervisor signs in on A and is still signed in on B, through the keys both nodes share.
/// </summary>
public sealed class TwoNodesInBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private readonly TempDatabase _database = new(DatabaseProvider.PostgreSql);
    private DashboardAppFactory _nodeA = null!;
    private DashboardAppFactory _nodeB = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _nodeA = new DashboardAppFactory(new BrowserClock(), database: _database);
        _nodeB = new DashboardAppFactory(new BrowserClock(), database: _database);
        await Task.WhenAll(Task.Run(() => Start(_nodeA)), Task.Run(() => Start(_nodeB)));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
    }

    [Fact]
    public async Task A_patient_saved_on_node_A_appears_on_a_board_served_by_node_B_within_two_seconds()
    {
        var facilityName = OwnData.Unique("双节点医院");
        var facilityId = await _nodeA.Services.FacilityAsync(RehearsalRegion.Code, facilityName);
        var deskAccount = await _nodeA.Services.DeskAsync(facilityId, "双节点收费处");
        // The supervisor signs in on node A; the board comes from node B with the same cookie (one host,
        // two ports: the browser sends it to both), which B reads with the keys both nodes share.
        var board = new BoardPage(await PageOnAsync(_nodeA));
        await board.Page.SignInAsync(DemoAccounts.Supervisor);
        await board.Page.OpenAsync(UrlOf(_nodeB) + "/board");
        await Expect(board.Page).ToHaveURLAsync(UrlOf(_nodeB) + "/board");
        await Expect(board.FacilityRow(RehearsalRegion.Code, facilityName)).ToBeVisibleAsync();
        await Expect(board.Outstanding(RehearsalRegion.Code, facilityName)).ToHaveTextAsync("0");
        var desk = await PageOnAsync(_nodeA);
        await desk.SignInAsync(deskAccount);

        await desk.LogHeldPatientAsync("双节点患者", TestIds.Resident(area: "340102", start: 940));
        var saved = Stopwatch.StartNew();

        await Expect(board.Outstanding(RehearsalRegion.Code, facilityName)).ToHaveTextAsync("1", new() { Timeout = (float)Limit.TotalMilliseconds });
        Assert.True(saved.Elapsed <= Limit, $"The board on node B showed the change {saved.Elapsed.TotalMilliseconds:0} ms after the save on node A.");
        await board.Page.ScreenshotIfAskedAsync("two-nodes-board-b");
    }

    private static void Start(DashboardAppFactory node)
    {
        node.UseKestrel(0);
        node.StartServer();
    }

    private static string UrlOf(DashboardAppFactory node) =>
        node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

    private async Task<IPage> PageOnAsync(DashboardAppFactory node)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = UrlOf(node),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        _database.Dispose();
    }
}
