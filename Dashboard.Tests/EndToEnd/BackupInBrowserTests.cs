using System.Globalization;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class BackupInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Admin_backs_up_from_the_menu_and_reads_the_file_name_and_size_of_a_copy_that_is_there()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var backup = new BackupPage(page);
        await page.OpenAsync("/admin/audit");
        await backup.Link("Nav_Backup").ClickAsync();
        await Expect(backup.Heading(Ui.Text("Backup_Title"))).ToBeVisibleAsync();

        await backup.BackUpNow().ClickAsync();
        var done = Ui.Matching(Ui.Chinese, "Backup_Done", @"(cutover-\d{8}-\d{6}Z\.db)", @"([\d.]+ [KM]B)", @"[\d,]+");
        await Expect(backup.Status).ToContainTextAsync(done);
        await Expect(backup.BackUpNow()).ToBeEnabledAsync();
        await page.ScreenshotIfAskedAsync("admin-backup");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        // What the admin reads is the file on the server, at the size shown.
        var shown = done.Match(await backup.Status.InnerTextAsync());
        var file = new FileInfo(Path.Combine(Browser.App.DataFolder, "backups", shown.Groups[1].Value));
        Assert.True(file.Exists, $"{file.FullName} is not there.");
        var size = shown.Groups[2].Value.Split(' ');
        var unit = size[1] == "MB" ? 1024d * 1024 : 1024d;
        Assert.InRange(file.Length, (double.Parse(size[0], CultureInfo.InvariantCulture) - 0.05) * unit, (double.Parse(size[0], CultureInfo.InvariantCulture) + 0.05) * unit);

        await page.SetCultureAsync(Ui.English);
        await backup.OpenAsync();
        await Expect(backup.Heading(Ui.In(Ui.English, "Backup_Title"))).ToBeVisibleAsync();
        await backup.BackUpNow(Ui.English).ClickAsync();
        await Expect(backup.Status).ToContainTextAsync(Ui.Matching(Ui.English, "Backup_Done", @"cutover-\d{8}-\d{6}Z\.db", @"[\d.]+ [KM]B", @"[\d,]+"));
        await page.ScreenshotIfAskedAsync("admin-backup-en");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task A_desk_has_no_backup_in_its_menu()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Desk);
        var shell = new OverviewPage(page);
        await shell.OpenAsync();
        await Expect(shell.Link("Nav_HeldPatients")).ToBeVisibleAsync();
        await Expect(shell.Link("Nav_Backup")).ToHaveCountAsync(0);
    }
}
