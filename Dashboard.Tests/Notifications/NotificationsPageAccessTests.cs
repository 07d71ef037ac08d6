using System.Net;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Notifications;

/// <summary>/admin/notifications over HTTP: administrators only, and its texts in both languages (no resource keys).</summary>
public sealed class NotificationsPageAccessTests : IClassFixture<NotificationsPageAccessTests.App>
{
    private readonly App _app;

    public NotificationsPageAccessTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public DashboardAppFactory Factory { get; } = new(new FakeTimeProvider(TestClocks.FirstStart));

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("desk")]
    public async Task Anyone_but_an_administrator_is_sent_to_access_denied(string user)
    {
        using var client = _app.Factory.CreateBrowserLikeClient();
        await client.SignInAsync(user, DemoAccounts.All.Single(a => a.UserName == user).Password);

        using var response = await client.GetAsync("/admin/notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "消息推送")]
    [InlineData("en", "Notifications")]
    public async Task The_page_shows_text_not_resource_keys(string culture, string title)
    {
        using var client = _app.Factory.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin.UserName, DemoAccounts.Admin.Password);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");

        using var response = await client.GetAsync("/admin/notifications");

        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($">{title}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(">\\s*[A-Z][A-Za-z]+_[A-Z][A-Za-z_]*\\s*<", html);
    }
}
