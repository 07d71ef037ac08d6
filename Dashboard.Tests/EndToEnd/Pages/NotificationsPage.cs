using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/admin/notifications: the webhook targets, their dialog, and the delivery log.</summary>
internal sealed class NotificationsPage(IPage page) : AppShell(page)
{
    public Task OpenAsync() => Page.OpenAsync("/admin/notifications");

    public async Task<WebhookTargetDialog> StartNewAsync()
    {
        await Button("Notify_New").ClickAsync();
        return new WebhookTargetDialog(Page);
    }

    public ILocator TargetRow(string name) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    /// <summary>The delivery log's attempts for a target.</summary>
    public ILocator LogRows(string targetName) => Page.Locator(".delivery-log").GetByRole(AriaRole.Row).Filter(new() { HasText = targetName });

    public ILocator LogEmpty => Page.GetByText(Ui.Text("Notify_LogEmpty"), new() { Exact = true });
}

internal sealed class WebhookTargetDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Region => Root.GetByLabel(Ui.Label("Notify_Region"));

    public ILocator Kind => Root.GetByLabel(Ui.Label("Notify_Kind"));

    public ILocator Name => Root.GetByLabel(Ui.Label("Notify_Name"));

    public ILocator Url => Root.GetByLabel(Ui.Label("Notify_Url"));

    public ILocator Save => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Save"), Exact = true });

    /// <summary>The message shown under the URL field (the field's own wrapper holds it; the inner locator is matched inside the wrapper).</summary>
    public ILocator UrlMessage => Root.Locator(".message-under").Filter(new() { Has = page.GetByLabel(Ui.Label("Notify_Url")) }).GetByRole(AriaRole.Alert);

    /// <summary>Picks an option from one of the dialog's select lists (region, kind).</summary>
    public async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
