using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.ApiKeys;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.HisApi.HisApiRequests;

namespace Dashboard.Tests.HisApi;

/// <summary>Keys as a hospital system and an attacker meet them: refused ones, revoked ones, what is stored, what is audited.</summary>
public sealed class HisApiKeyTests(HisApiApp app) : IClassFixture<HisApiApp>
{
    public static TheoryData<string, string?> BadKeys => new()
    {
        { "no key", null },
        { "not a key", "Bearer hunter2" },
        { "unknown id", "Bearer cdk_zzzzzzzzzzzz_" + new string('A', 43) },
        { "basic scheme", "Basic dXNlcjpwYXNz" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_missing_malformed_or_unknown_key_is_401_problem_details_and_audited(string why, string? authorization)
    {
        using var client = app.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, HeldPatientsPath(app.FacilityA));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var before = await CountAsync(AuditActions.ApiRequestRefused);
        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = await HisApiApp.ReadAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(before + 1, await CountAsync(AuditActions.ApiRequestRefused));
    }

    [Fact]
    public async Task The_right_id_with_a_wrong_secret_is_refused_and_its_audit_row_names_the_id_not_the_secret()
    {
        var token = ApiKeyToken.Parse(app.KeyA)!;
        var forged = new ApiKeyToken(token.KeyId, new string('B', ApiKeyToken.SecretLength)).ToString();
        using var client = app.Client(forged);

        using var response = await client.GetAsync(HeldPatientsPath(app.FacilityA));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = CreateDb();
        var row = await db.AuditEvents.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == AuditActions.ApiRequestRefused);
        Assert.Contains("Unknown", row.AfterJson, StringComparison.Ordinal);
        Assert.Equal(token.KeyId, row.EntityId);
        Assert.DoesNotContain(new string('B', 20), row.AfterJson + row.UserName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_request_on_and_the_revocation_is_audited()
    {
        var key = await app.NewKeyAsync(app.FacilityA, "将被吊销");
        using var his = app.Client(key);
        using var before = await his.GetAsync(HeldPatientsPath(app.FacilityA));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var service = app.Factory.Services.GetRequiredService<ApiKeyService>();
        var row = (await service.ListAsync(HisApiApp.Admin, app.FacilityA)).Single(k => k.Name == "将被吊销");

        Assert.True((await service.RevokeAsync(HisApiApp.Admin, row.Id)).Succeeded);
        using var after = await his.GetAsync(HeldPatientsPath(app.FacilityA));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", (await HisApiApp.ReadAsync(after)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await using var db = CreateDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.Revoke && a.EntityType == nameof(ApiKey) && a.EntityId == row.Id.ToString()));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ApiRequestRefused && a.AfterJson!.Contains("Revoked") && a.EntityId == row.KeyId));
        Assert.NotNull((await db.ApiKeys.SingleAsync(k => k.Id == row.Id)).RevokedUtc);
    }

    [Fact]
    public async Task The_secret_is_never_stored_in_clear_only_its_sha256_beside_the_public_id()
    {
        var key = await app.NewKeyAsync(app.FacilityB, "存储检查");
        var token = ApiKeyToken.Parse(key)!;

        await using var connection = new SqliteConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM ApiKeys WHERE KeyId = $id";
        command.Parameters.AddWithValue("$id", token.KeyId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue);
        Assert.All(columns.Values.OfType<string>(), text => Assert.DoesNotContain(token.Secret, text, StringComparison.Ordinal));
        Assert.All(columns.Values.OfType<byte[]>(), bytes => Assert.DoesNotContain(token.Secret, Encoding.ASCII.GetString(bytes), StringComparison.Ordinal));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token.Secret)), (byte[])columns["SecretHash"]);
        await using var db = CreateDb();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.AfterJson!.Contains(token.Secret) || a.BeforeJson!.Contains(token.Secret)));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.Create && a.EntityType == nameof(ApiKey) && a.AfterJson!.Contains(token.KeyId)));
    }

    [Fact]
    public async Task A_sign_in_cookie_does_not_open_the_api_and_a_key_does_not_open_the_ui()
    {
        using var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInAsync("desk", "Counter-demo-2026");
        using var withCookie = await browser.GetAsync(HeldPatientsPath(app.FacilityA));
        using var his = app.Client(app.KeyA);

        using var page = await his.GetAsync("/held-patients");

        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_x_api_key_header_is_accepted_like_the_bearer_token_and_use_is_recorded()
    {
        using var client = app.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, PaperFormsPath(app.FacilityB));
        request.Headers.Add("X-Api-Key", app.KeyB);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = CreateDb();
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, (await db.ApiKeys.SingleAsync(k => k.KeyId == ApiKeyToken.Parse(app.KeyB)!.KeyId)).LastUsedUtc);
    }

    [Fact]
    public async Task Only_administrators_see_make_or_revoke_keys_and_a_desks_attempt_is_audited()
    {
        var service = app.Factory.Services.GetRequiredService<ApiKeyService>();
        await using var users = CreateDb();
        var desk = (await app.Factory.Services.GetRequiredService<Core.Access.AccessScopeResolver>().ResolveAsync(
            (await users.Users.SingleAsync(u => u.UserName == "desk")).Id, "203.0.113.9"))!;
        var adminsKey = (await service.ListAsync(HisApiApp.Admin, app.FacilityA)).First();

        var listed = await service.ListAsync(desk, desk.FacilityId!.Value);
        var created = await service.CreateAsync(desk, desk.FacilityId!.Value, "柜台自建");
        var revoked = await service.RevokeAsync(desk, adminsKey.Id);

        Assert.Empty(listed);
        Assert.Equal(Core.Access.CommandStatus.Forbidden, created.Result.Status);
        Assert.Equal(Core.Access.CommandStatus.Forbidden, revoked.Status);
        await using var db = CreateDb();
        Assert.Null((await db.ApiKeys.SingleAsync(k => k.Id == adminsKey.Id)).RevokedUtc);
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Name == "柜台自建"));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.AuthorizationFailed && a.EntityType == nameof(ApiKey) && a.UserName == "desk"));
    }

    private DashboardDbContext CreateDb() => app.Factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    private async Task<int> CountAsync(string action)
    {
        await using var db = CreateDb();
        return await db.AuditEvents.CountAsync(a => a.Action == action);
    }
}
