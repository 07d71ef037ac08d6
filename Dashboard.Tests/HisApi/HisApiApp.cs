using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.ApiKeys;
using Dashboard.Core.Facilities;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.HisApi;

/// <summary>The app at the tests' first start, with a key made by an administrator for each of two rehearsal hospitals.</summary>
public class HisApiApp : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase? _database;
    public static readonly AccessScope Admin = new("test-admin", "测试管理员", UserRole.Admin, null, new HashSet<int>(), "127.0.0.1");

    public FakeTimeProvider Clock { get; } = new(TestClocks.FirstStart);

    public DashboardAppFactory Factory { get; }

    public HisApiApp()
        : this(null)
    {
    }

    /// <summary>On a database of the caller's provider (the app migrates and seeds it at start).</summary>
    protected HisApiApp(TempDatabase? database)
    {
        _database = database;
        Factory = new(Clock, database: database);
    }

    public int FacilityA { get; private set; }

    public int FacilityB { get; private set; }

    public string KeyA { get; private set; } = "";

    public string KeyB { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var facilities = await Factory.Services.GetRequiredService<FacilityService>().ListAsync(Admin);
        FacilityA = facilities.Single(f => f.Code == "REH-H01").Id;
        FacilityB = facilities.Single(f => f.Code == "REH-H02").Id;
        KeyA = await NewKeyAsync(FacilityA, "HIS A");
        KeyB = await NewKeyAsync(FacilityB, "HIS B");
    }

    public async Task<string> NewKeyAsync(int facilityId, string name)
    {
        var created = await Factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(Admin, facilityId, name);
        return created.Value!.Token;
    }

    public HttpClient Client(string? key, string? language = null)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Factory.Dispose();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on PostgreSQL (issue 17).</summary>
public sealed class PostgresHisApiApp() : HisApiApp(new TempDatabase(Dashboard.Core.Persistence.DatabaseProvider.PostgreSql));
