using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.HisApi.HisApiRequests;

namespace Dashboard.Tests.HisApi;

/// <summary>The API's contract beyond records: problem details for every error, the body limit, the rate limit, the OpenAPI document.</summary>
public sealed class HisApiProtocolTests(HisApiApp app) : IClassFixture<HisApiApp>
{
    [Theory]
    [InlineData("{\"patientName\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"category\": \"NoSuchCategory\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("patientName=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_body_that_is_not_a_record_is_refused_with_problem_details(string body, string mediaType, HttpStatusCode expected)
    {
        using var his = app.Client(app.KeyA);

        using var response = await his.PostAsync(HeldPatientsPath(app.FacilityA), new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((int)expected, (await HisApiApp.ReadAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_problem_details_and_nothing_is_written()
    {
        using var his = app.Client(app.KeyA);
        var rows = Enumerable.Range(0, 600).Select(i => HeldPatient(new string('长', 40) + i, "110101199003070000")).ToList();
        var notes = new string('备', 2000);
        rows.ForEach(r => r["notes"] = notes);

        using var response = await his.PostAsync(HeldPatientsPath(app.FacilityA) + "/batch", HisApiApp.Json(new { rows }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await using var db = app.Factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
        Assert.False(await db.HeldPatients.AnyAsync(p => p.PatientName.StartsWith("长长")));
    }

    [Fact]
    public async Task An_unknown_path_or_method_under_the_api_is_problem_details_not_the_html_page()
    {
        using var his = app.Client(app.KeyA);

        using var unknown = await his.GetAsync($"/api/v1/facilities/{app.FacilityA}/no-such-thing");
        using var wrongMethod = await his.DeleteAsync(HeldPatientsPath(app.FacilityA));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Past_the_keys_burst_requests_get_429_with_retry_after_and_are_audited_other_keys_are_not_affected()
    {
        using var limited = app.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Dashboard:HisApi:BurstLimit", "2")
            .UseSetting("Dashboard:HisApi:TokensPerPeriod", "1")
            .UseSetting("Dashboard:HisApi:ReplenishSeconds", "3600"));
        using var hisA = limited.CreateClient();
        hisA.DefaultRequestHeaders.Authorization = new("Bearer", app.KeyA);
        using var hisB = limited.CreateClient();
        hisB.DefaultRequestHeaders.Authorization = new("Bearer", app.KeyB);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await hisA.GetAsync(HeldPatientsPath(app.FacilityA));
            statuses.Add(last.StatusCode);
        }

        using var other = await hisB.GetAsync(HeldPatientsPath(app.FacilityB));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType!.MediaType);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        last.Dispose();
        await using var db = limited.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ApiRequestRefused && a.AfterJson!.Contains("RateLimited") && a.UserName.StartsWith("HIS A")));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints_the_key_scheme_and_problem_responses()
    {
        using var anonymous = app.Client(null);

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/facilities/{facilityId}/held-patients", "/api/v1/facilities/{facilityId}/held-patients/{id}", "/api/v1/facilities/{facilityId}/held-patients/batch",
             "/api/v1/facilities/{facilityId}/paper-forms", "/api/v1/facilities/{facilityId}/paper-forms/{id}", "/api/v1/facilities/{facilityId}/paper-forms/batch"],
            paths.Select(p => p.TrimEnd('/')).Order());
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("ApiKeyBearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKeyHeader").GetProperty("name").GetString());
        var create = root.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/').EndsWith("held-patients", StringComparison.Ordinal)).Value.GetProperty("post");
        Assert.True(create.GetProperty("security").GetArrayLength() > 0);
        var responses = create.GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403", "413", "422", "429" })
        {
            Assert.True(responses.TryGetProperty(status, out _), status);
        }

        Assert.True(responses.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
