using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/admin/users and its dialogs: a new user, the one-time password.</summary>
internal sealed class UsersPage(IPage page) : AppShell(page)
{
    public Task OpenAsync() => Page.OpenAsync("/admin/users");

    public async Task<UserDialog> StartNewAsync()
    {
        await Button("Users_New").ClickAsync();
        return new UserDialog(Page);
    }

    /// <summary>The password shown once after a user is created.</summary>
    public ILocator OneTimePassword =>
        Page.GetByRole(AriaRole.Dialog, new() { Name = Ui.Text("Users_OneTimePassword") }).GetByLabel(Ui.Text("Users_OneTimePassword"), new() { Exact = true });
}

internal sealed class UserDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator UserName => Root.GetByLabel(Ui.Label("Users_UserName"));

    public ILocator DisplayName => Root.GetByLabel(Ui.Label("Users_DisplayName"));

    public ILocator Facility => Root.GetByLabel(Ui.Label("Users_Facility"));

    public ILocator Save => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Save"), Exact = true });

    /// <summary>Picks the desk's facility from the open list: "region · facility".</summary>
    public async Task ChooseFacilityAsync(string regionName, string facilityName)
    {
        await Facility.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{regionName} · {facilityName}" }).ClickAsync();
    }
}

/// <summary>/facilities and its new-facility dialog.</summary>
internal sealed class FacilitiesPage(IPage page) : AppShell(page)
{
    public async Task<FacilityDialog> StartNewAsync()
    {
        await Button("Facilities_New").ClickAsync();
        return new FacilityDialog(Page);
    }

    public ILocator FacilityLink(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}

internal sealed class FacilityDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Code => Root.GetByLabel(Ui.Label("Facility_Code"));

    public ILocator Name => Root.GetByLabel(Ui.Label("Facility_Name"));

    public ILocator ContactPhone => Root.GetByLabel(Ui.Label("Facility_ContactPhone"));

    public ILocator Save => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Save"), Exact = true });
}

/// <summary>/admin/audit: the audit trail, newest first.</summary>
internal sealed class AuditPage(IPage page) : AppShell(page)
{
    /// <summary>The events that mention a text (an object's id or a value it changed).</summary>
    public ILocator Events(string text) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });
}

/// <summary>/account/password: change one's own password.</summary>
internal sealed class ChangePasswordPage(IPage page) : AppShell(page)
{
    public ILocator Current => Page.GetByLabel(Ui.Text("Password_Current"), new() { Exact = true });

    public ILocator New => Page.GetByLabel(Ui.Text("Password_New"), new() { Exact = true });

    public ILocator Confirm => Page.GetByLabel(Ui.Text("Password_Confirm"), new() { Exact = true });

    public ILocator Submit => Button("Password_Submit");

    public async Task OpenAsync() => await Page.GotoAsync("/account/password");

    public async Task ChangeAsync(string current, string next)
    {
        await Current.FillAsync(current);
        await New.FillAsync(next);
        await Confirm.FillAsync(next);
        await Submit.ClickAsync();
    }
}
