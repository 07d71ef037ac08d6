using Bunit;
using Dashboard.Components.Pages.Admin;
using Dashboard.Core.Audit;
using Dashboard.Core.Backup;
using Dashboard.Tests.Board;
using Dashboard.Tests.Infrastructure;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Backup;

/// <summary>What an administrator reads on /admin/backup after pressing the button: the file, or why there is none.</summary>
public sealed class BackupPageTests : BoardTestContext
{
    [Fact]
    public async Task The_administrator_reads_the_file_name_and_that_the_copy_checked_out()
    {
        using var _ = new UiCulture("zh-CN");
        await SignInAsync("demo-admin", "Admin");
        var page = Render<BackupPage>();

        await page.Find("button.backup-button").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".backup-result")));
        var result = page.Find(".backup-result").TextContent;
        Assert.Contains("备份完成：cutover-20261122-040000Z.db（", result, StringComparison.Ordinal);
        Assert.Contains("完整性检查通过，审计链校验通过", result, StringComparison.Ordinal);
        Assert.False(page.Find("button.backup-button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task While_the_backup_runs_the_button_is_off_and_the_page_says_so_then_it_shows_the_file()
    {
        using var _ = new UiCulture("zh-CN");
        var copying = new GatedFactory();
        Services.AddSingleton(provider => new DatabaseBackup(
            copying.Around(provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>()), provider.GetRequiredService<BackupFolder>(),
            provider.GetRequiredService<AuditTrail>(), provider.GetRequiredService<TimeProvider>(), NullLogger<DatabaseBackup>.Instance));
        await SignInAsync("demo-admin", "Admin");
        var page = Render<BackupPage>();

        var click = page.Find("button.backup-button").ClickAsync(new());

        await copying.Reached.Task;
        page.WaitForAssertion(() => Assert.Contains("正在备份并校验副本…", page.Find(".backup-status").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("button.backup-button").HasAttribute("disabled"));
        copying.Open.SetResult();
        await click;
        await page.WaitForAssertionAsync(() => Assert.Contains("cutover-20261122-040000Z.db", page.Find(".backup-result").TextContent, StringComparison.Ordinal));
        Assert.False(page.Find("button.backup-button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_backup_folder_that_cannot_be_made_is_told_in_words_and_nothing_is_recorded_as_backed_up()
    {
        using var _ = new UiCulture("zh-CN");
        var blocker = Path.GetTempFileName();
        try
        {
            // A file where the folder should be: the folder cannot be created.
            var folder = Path.Combine(blocker, "backups");
            Services.AddSingleton(new BackupFolder(folder));
            await SignInAsync("demo-admin", "Admin");
            var page = Render<BackupPage>();

            await page.Find("button.backup-button").ClickAsync(new());

            await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".backup-problem")));
            Assert.Equal($"备份未完成：无法写入备份文件夹 {folder}，请检查文件夹权限和磁盘空间。", page.Find(".backup-problem").TextContent.Trim());
            Assert.Empty(page.FindAll(".backup-result"));
            var audit = await Services.GetRequiredService<AuditQueryService>().SearchAsync(await ScopeOfAsync("demo-admin"), new AuditFilter(AuditActions.Backup), 0, 10);
            Assert.Equal(0, audit!.TotalCount);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    /// <summary>Holds the backup at its first database access until the test opens it: the page is seen mid-backup.</summary>
    private sealed class GatedFactory
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDbContextFactory<DashboardDbContext> Around(IDbContextFactory<DashboardDbContext> inner) => new Gated(this, inner);

        private sealed class Gated(GatedFactory gate, IDbContextFactory<DashboardDbContext> inner) : IDbContextFactory<DashboardDbContext>
        {
            public DashboardDbContext CreateDbContext() => inner.CreateDbContext();

            public async Task<DashboardDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
            {
                gate.Reached.TrySetResult();
                await gate.Open.Task.WaitAsync(cancellationToken);
                return await inner.CreateDbContextAsync(cancellationToken);
            }
        }
    }
}
