using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/admin/backup: the button and what it reports.</summary>
internal sealed class BackupPage(IPage page) : AppShell(page)
{
    public Task OpenAsync() => Page.OpenAsync("/admin/backup");

    public ILocator BackUpNow(string culture = Ui.Chinese) =>
        Page.GetByRole(AriaRole.Button, new() { Name = Ui.In(culture, "Backup_Start"), Exact = true });

    /// <summary>The live region that shows the progress, then the outcome.</summary>
    public ILocator Status => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);
}
