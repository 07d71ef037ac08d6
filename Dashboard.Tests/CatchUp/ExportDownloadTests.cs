using System.Net;
using ClosedXML.Excel;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// <c>GET /exports/{token}</c> over HTTP: the file goes to the user who exported it, once; anyone
/// else gets the same 404 as for a token that never existed, and the attempt is audited.
/// </summary>
public sealed class ExportDownloadTests(ExportDownloadTests.App app) : IClassFixture<ExportDownloadTests.App>
{
    private readonly DashboardAppFactory _factory = app.Factory;
    private string? _lastPath;

    /// <summary>
    /// One app for the class: each test counts only the refusals it causes. Before it starts, a previous
    /// run's export is left in its exports folder, as a crash would leave it.
    /// </summary>
    public sealed class App : IDisposable
    {
        public App()
        {
            var exports = Directory.CreateDirectory(Path.Combine(Factory.DataFolder, "exports"));
            LeftByACrash = Path.Combine(exports.FullName, "0123456789abcdef0123456789abcdef.xlsx");
            File.WriteAllText(LeftByACrash, "身份证号 340102199001011234");
        }

        public FakeTimeProvider Clock { get; } = new(TestClocks.FirstStart);

        public DashboardAppFactory Factory => _factory ??= new(Clock);

        public string LeftByACrash { get; }

        private DashboardAppFactory? _factory;

        public void Dispose() => Factory.Dispose();
    }

    private T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private async Task<string> UserIdOf(string userName)
    {
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>What the catch-up page does when the manager presses 导出 Excel.</summary>
    private async Task<(string Token, string FileName)> ExportAsManagerAsync()
    {
        var scope = (await Get<AccessScopeResolver>().ResolveAsync(await UserIdOf(DemoAccounts.Manager.UserName), "203.0.113.9"))!;
        var files = Get<ExportFileStore>();
        string path;
        ExportOutcome outcome;
        await using (var output = files.Create())
        {
            path = output.Name;
            _lastPath = path;
            outcome = await Get<CatchUpExporter>().ExportAsync(scope, new CatchUpFilter(), ExportTexts.Chinese(), output);
        }

        return (files.Register(path, outcome.FileName, scope.UserId), outcome.FileName);
    }

    private async Task<List<AuditEvent>> RefusalsAfterAsync(long auditId)
    {
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(a => a.Id > auditId && a.Action == AuditActions.AuthorizationFailed).ToListAsync();
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = await Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    [Fact]
    public async Task Another_users_export_answers_404_and_the_attempt_is_audited_while_the_owner_still_gets_it()
    {
        using var desk = _factory.CreateBrowserLikeClient();
        await desk.SignInAsync(DemoAccounts.Desk.UserName, DemoAccounts.Desk.Password);
        var (token, fileName) = await ExportAsManagerAsync();
        var before = await LastAuditIdAsync();

        using var foreign = await desk.GetAsync($"/exports/{token}");
        using var unknown = await desk.GetAsync($"/exports/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(unknown.Content.Headers.ContentType?.MediaType, foreign.Content.Headers.ContentType?.MediaType);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal(("desk", "BillingDesk", "CatchUpList", fileName), (refusal.UserName, refusal.Role, refusal.EntityType, refusal.EntityId));

        using var manager = _factory.CreateBrowserLikeClient();
        await manager.SignInAsync(DemoAccounts.Manager.UserName, DemoAccounts.Manager.Password);
        using var download = await manager.GetAsync($"/exports/{token}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["汇总", "在途患者", "纸质单据"], workbook.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public async Task The_owner_downloads_once_and_then_gets_404_without_a_refusal_on_record()
    {
        var (token, _) = await ExportAsManagerAsync();
        using var manager = _factory.CreateBrowserLikeClient();
        await manager.SignInAsync(DemoAccounts.Manager.UserName, DemoAccounts.Manager.Password);
        var before = await LastAuditIdAsync();

        using var first = await manager.GetAsync($"/exports/{token}");
        using var second = await manager.GetAsync($"/exports/{token}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Empty(await RefusalsAfterAsync(before));
    }

    [Fact]
    public async Task Without_signing_in_an_export_is_never_served()
    {
        var (token, _) = await ExportAsManagerAsync();
        using var anonymous = _factory.CreateBrowserLikeClient();

        using var response = await anonymous.GetAsync($"/exports/{token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downloaded_export_was_owner_only_on_disk_is_gone_afterwards_and_no_cache_may_keep_it()
    {
        var (token, _) = await ExportAsManagerAsync();
        var path = _lastPath!;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }

        Assert.StartsWith(Path.GetFullPath(_factory.DataFolder), path, StringComparison.Ordinal);
        using var manager = _factory.CreateBrowserLikeClient();
        await manager.SignInAsync(DemoAccounts.Manager.UserName, DemoAccounts.Manager.Password);

        using var download = await manager.GetAsync($"/exports/{token}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore, download.Headers.CacheControl?.ToString());
        Assert.NotEmpty(await download.Content.ReadAsByteArrayAsync());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task An_export_nobody_downloads_is_deleted_when_it_expires_by_the_clock_alone()
    {
        var (token, _) = await ExportAsManagerAsync();
        var path = _lastPath!;
        using var manager = _factory.CreateBrowserLikeClient();
        await manager.SignInAsync(DemoAccounts.Manager.UserName, DemoAccounts.Manager.Password);

        app.Clock.Advance(ExportFileStore.Lifetime + ExportFileStore.SweepInterval);

        Assert.False(File.Exists(path));
        using var late = await manager.GetAsync($"/exports/{token}");
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.True(late.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public void An_export_left_by_a_crash_is_deleted_when_the_app_starts_not_at_the_next_export()
    {
        Assert.NotNull(_factory.Services);

        Assert.False(File.Exists(app.LeftByACrash));
    }

    [Fact]
    public async Task The_board_workbook_is_sent_with_no_store()
    {
        using var supervisor = _factory.CreateBrowserLikeClient();
        await supervisor.SignInAsync(DemoAccounts.Supervisor.UserName, DemoAccounts.Supervisor.Password);

        using var board = await supervisor.GetAsync("/api/board/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.True(board.Headers.CacheControl?.NoStore, board.Headers.CacheControl?.ToString());
    }
}
