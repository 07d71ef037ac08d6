using System.Net;
using System.Text.Json;
using Dashboard.Api;
using Dashboard.Core.Plans;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Api;

public sealed class RegionsApiTests : IClassFixture<RegionsApiTests.App>
{
    private readonly App _app;

    public RegionsApiTests(App app) => _app = app;

    public sealed class App() : IDisposable
    {
        public DashboardAppFactory Factory { get; } = new(new FakeTimeProvider(FirstStart));

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task Lists_the_five_seeded_regions_and_the_rehearsal_with_their_phases()
    {
        using var regions = await GetJson("/api/regions");

        var byCode = regions.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(["hefei", "hengyang", "panzhihua", "rehearsal", "xinzhou", "zhejiang"], byCode.Keys.Order());
        Assert.All(SpecMilestones.ByRegion.Keys, code => Assert.Equal("Closed", byCode[code].GetProperty("phase").GetString()));
        Assert.Equal("Preparation", byCode["rehearsal"].GetProperty("phase").GetString());
        Assert.Equal("2026-11-24T12:00:00+08:00", byCode["rehearsal"].GetProperty("outageStarts").GetString());
        Assert.Equal("2021-11-30T18:00:00+08:00", byCode["hefei"].GetProperty("outageStarts").GetString());
        Assert.Equal("合肥", byCode["hefei"].GetProperty("name").GetProperty("zh").GetString());
    }

    [Theory]
    [InlineData("hefei")]
    [InlineData("hengyang")]
    [InlineData("panzhihua")]
    [InlineData("xinzhou")]
    [InlineData("zhejiang")]
    public async Task Plan_returns_every_milestone_of_the_spec_with_exact_local_times(string code)
    {
        using var plan = await GetJson($"/api/regions/{code}/plan");

        var actual = plan.RootElement.GetProperty("milestones").EnumerateArray().Select(Describe).ToList();
        var expected = SpecMilestones.ByRegion[code];
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var parts = expected[i].Split(' ');
            Assert.Equal(parts[0], actual[i].Time);
            Assert.Equal(parts.Contains("day"), actual[i].Precision == "Day");
            Assert.Equal(parts.Contains("est"), actual[i].IsEstimated);
            Assert.Equal(parts.Contains("24h"), actual[i].WrittenAsEndOfDay);
            var kind = parts.Skip(1).FirstOrDefault(p => p is not ("day" or "est" or "24h"));
            if (kind is not null)
            {
                Assert.Equal(kind, actual[i].Kind);
            }
        }
    }

    [Fact]
    public void Each_milestone_carries_its_state_at_the_request_time_late_when_past_and_not_done()
    {
        var plan = SeededPlans.Rehearsal(FirstStart);
        var stop = plan.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        var now = stop.DueUtc.AddMinutes(1);

        var milestones = plan.ToPlan(now).Milestones;

        Assert.All(milestones, m => Assert.Equal(m.Time.AddDays(m.Precision == MilestonePrecision.Day ? 1 : 0) <= now
            ? MilestoneState.Late : MilestoneState.Pending, m.State));
        Assert.Contains(milestones, m => m.Kind == MilestoneKind.SystemStop && m.State == MilestoneState.Late);
        Assert.Contains(milestones, m => m.State == MilestoneState.Pending);
    }

    [Theory]
    [InlineData("panzhihua", "WorkingDaysAfterGoLive", "2020-10-09", "2020-10-10T00:00:00+08:00", true, false)]
    [InlineData("zhejiang", "FixedDate", "2022-12-31", "2023-01-01T00:00:00+08:00", true, false)]
    [InlineData("hefei", "WorkingDaysAfterGoLive", "2021-12-24", "2021-12-25T00:00:00+08:00", false, false)]
    [InlineData("xinzhou", "WorkingDaysAfterGoLive", "2021-11-12", "2021-11-13T00:00:00+08:00", false, true)]
    public async Task Plan_carries_the_computed_catch_up_deadline(string code, string rule, string lastDay, string deadline, bool fromNotice, bool estimate)
    {
        using var plan = await GetJson($"/api/regions/{code}/plan");

        var catchUp = plan.RootElement.GetProperty("catchUp");
        Assert.Equal(rule, catchUp.GetProperty("rule").GetString());
        Assert.Equal(lastDay, catchUp.GetProperty("lastDay").GetString());
        Assert.Equal(deadline, catchUp.GetProperty("deadline").GetString());
        Assert.Equal(fromNotice, catchUp.GetProperty("fromNotice").GetBoolean());

        // Counted from 忻州's expected (预计) go-live, its deadline is an estimate too.
        Assert.Equal(estimate, catchUp.GetProperty("isEstimate").GetBoolean());
    }

    [Theory]
    [InlineData("/api/regions/atlantis/plan")]
    [InlineData("/api/regions/atlantis/calendar.ics")]
    public async Task Unknown_region_is_a_404_problem(string url)
    {
        using var client = _app.Factory.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("atlantis", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_is_a_sqlite_file_in_wal_mode()
    {
        using var client = _app.Factory.CreateClient();
        (await client.GetAsync("/api/regions")).EnsureSuccessStatusCode();

        await using var connection = new SqliteConnection(_app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private async Task<JsonDocument> GetJson(string path)
    {
        using var client = _app.Factory.CreateClient();
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static (string Time, string Precision, bool IsEstimated, bool WrittenAsEndOfDay, string Kind) Describe(JsonElement m) => (
        m.GetProperty("time").GetString()!,
        m.GetProperty("precision").GetString()!,
        m.GetProperty("isEstimated").GetBoolean(),
        m.GetProperty("writtenAsEndOfDay").GetBoolean(),
        m.GetProperty("kind").GetString()!);
}
