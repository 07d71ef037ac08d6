using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>The API keys section of a facility's page (administrators), its new-key dialog and the revoke confirmation.</summary>
internal sealed class ApiKeysSection(IPage page) : AppShell(page)
{
    public ILocator Root => Page.Locator(".api-keys");

    public ILocator SectionHeading => Page.GetByRole(AriaRole.Heading, new() { Name = Ui.Text("ApiKeys_Title"), Level = 2 });

    public ILocator Row(string name) => Root.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public ILocator RevokedMark(string name) => Row(name).GetByText(Ui.Matching(Ui.Chinese, "ApiKeys_RevokedAt", ".+", ".+"));

    public ILocator ConfirmRevoke => Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text("ApiKeys_Revoke"), Exact = true });

    public async Task<NewApiKeyDialog> StartNewAsync()
    {
        await Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("ApiKeys_Create"), Exact = true }).ClickAsync();
        return new NewApiKeyDialog(Page);
    }

    public Task RevokeAsync(string name) =>
        Row(name).GetByRole(AriaRole.Button, new() { Name = $"{Ui.Text("ApiKeys_Revoke")} {name}", Exact = true }).ClickAsync();
}

internal sealed class NewApiKeyDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Name => Root.GetByLabel(Ui.Label("ApiKeys_Name"));

    public ILocator Create => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("ApiKeys_Create"), Exact = true });

    public ILocator Secret => Root.GetByLabel(Ui.Label("ApiKeys_Secret"));

    public ILocator Copy => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("ApiKeys_Copy"), Exact = true });

    public ILocator Done => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Done"), Exact = true });

    public static Regex TokenShape { get; } = new("^cdk_[a-z2-9]{12}_[A-Za-z0-9_-]{43}$");
}
