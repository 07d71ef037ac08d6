using Bunit;
using Dashboard.Components.Pages.Admin;
using Dashboard.Core.Audit;
using Dashboard.Core.Backup;
using Dashboard.Tests.Board;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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
}
