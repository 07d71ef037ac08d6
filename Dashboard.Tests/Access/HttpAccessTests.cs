using System.Net;
using System.Reflection;
using Dashboard.Core.Audit;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Access;

public sealed class HttpAccessTests : IClassFixture<HttpAccessTests.App>
{
    private static readonly string[] PublicPages =
        ["OverviewPage", "RegionPage", "PatientInfoPage", "NotFoundPage", "ErrorPage", "LoginPage", "AccessDeniedPage"];

    private readonly App _app;

    public HttpAccessTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public DashboardAppFactory Factory { get; } = new(new FakeTimeProvider(TestClocks.FirstStart));

        public void Dispose() => Factory.Dispose();
    }

    public static TheoryData<string> ProtectedRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var route in RoutablePages().Where(p => !PublicPages.Contains(p.Type.Name)).SelectMany(p => p.Routes))
        {
            data.Add(route.Replace("{Id:int}", "1", StringComparison.Ordinal));
        }

        return data;
    }

    [Fact]
    public void Every_page_except_the_public_ones_requires_sign_in()
    {
        var open = RoutablePages()
            .Where(p => !PublicPages.Contains(p.Type.Name) && p.Type.GetCustomAttribute<AuthorizeAttribute>() is null)
            .Select(p => p.Type.Name);

        Assert.Empty(open);
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Anonymous_requests_for_protected_pages_are_sent_to_sign_in(string route)
    {
        using var client = _app.Factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Desk_of_facility_a_addressing_facility_b_by_url_gets_404_and_its_own_gets_200()
    {
        var own = await FacilityId("REH-H01");
        var other = await FacilityId("HEF-H01");
        using var client = _app.Factory.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Desk.UserName, DemoAccounts.Desk.Password);

        using var ownPage = await client.GetAsync($"/facilities/{own}");
        using var otherPage = await client.GetAsync($"/facilities/{other}");
        using var adminPage = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains("演练市第一人民医院", await ownPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        Assert.DoesNotContain("合肥市第一人民医院", await otherPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.StartsWith("/account/denied", adminPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_is_audited_with_the_user_and_role()
    {
        using var client = _app.Factory.CreateBrowserLikeClient();
        var before = await CountAudit(AuditActions.SignIn, "supervisor");

        await client.SignInAsync(DemoAccounts.Supervisor.UserName, DemoAccounts.Supervisor.Password);

        Assert.Equal(before + 1, await CountAudit(AuditActions.SignIn, "supervisor"));
        Assert.Equal(1, Convert.ToInt32(await Scalar("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'SignIn' AND UserName = 'supervisor' AND Role = 'Supervisor' AND UserId IS NOT NULL AND Id = (SELECT MAX(Id) FROM AuditEvents WHERE Action = 'SignIn')"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("zh-CN", "supervisor", "/board")]
    [InlineData("en", "supervisor", "/board")]
    [InlineData("en", "desk", "/held-patients/new")]
    [InlineData("en", "desk", "/paper-forms/stock")]
    [InlineData("en", "desk", "/catch-up")]
    [InlineData("en", "demo-admin", "/admin/users")]
    [InlineData("en", "demo-admin", "/admin/plans/new")]
    [InlineData("zh-CN", "demo-admin", "/admin/backup")]
    public async Task Pages_show_text_not_resource_keys(string culture, string user, string path)
    {
        using var client = _app.Factory.CreateBrowserLikeClient();
        var password = DemoAccounts.All.Single(a => a.UserName == user).Password;
        await client.SignInAsync(user, password);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");

        using var response = await client.GetAsync(path);

        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(">\\s*[A-Z][A-Za-z]+_[A-Z][A-Za-z_]*\\s*<", html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = _app.Factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static IEnumerable<(Type Type, string[] Routes)> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Routes: t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToArray()))
            .Where(p => p.Routes.Length > 0);

    private async Task<int> FacilityId(string code) => Convert.ToInt32(await Scalar($"SELECT Id FROM Facilities WHERE Code = '{code}'"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> CountAudit(string action, string userName) =>
        Convert.ToInt32(await Scalar($"SELECT COUNT(*) FROM AuditEvents WHERE Action = '{action}' AND UserName = '{userName}'"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<object?> Scalar(string sql)
    {
        _app.Factory.CreateClient().Dispose();
        await using var connection = new SqliteConnection(_app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
