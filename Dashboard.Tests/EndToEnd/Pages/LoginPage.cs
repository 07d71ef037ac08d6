using Dashboard.Core.Seeding;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/account/login: the sign-in form and, in demo mode, the demo accounts.</summary>
internal sealed class LoginPage(IPage page) : AppShell(page)
{
    public ILocator UserName => Page.GetByLabel(Ui.Text("Login_UserName"), new() { Exact = true });

    public ILocator Password => Page.GetByLabel(Ui.Text("Login_Password"), new() { Exact = true });

    public ILocator Submit => Button("Login_Submit");

    public ILocator Failure => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = Ui.Text("Login_Failed") });

    public async Task OpenAsync() => await Page.GotoAsync("/account/login");

    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    public Task SubmitAsync(DemoAccounts.DemoAccount account) => SubmitAsync(account.UserName, account.Password);
}
