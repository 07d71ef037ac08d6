using System.Globalization;
using System.Net;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Api;

/// <summary>
/// <c>GET /api/regions/{code}/calendar.ics</c> as a calendar app fetches it: one event per milestone
/// of the spec, timed ones at their UTC instant, date-only ones as whole days.
/// </summary>
public sealed class CalendarFeedApiTests : IClassFixture<CalendarFeedApiTests.App>
{
    private readonly App _app;

    public CalendarFeedApiTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public DashboardAppFactory Factory { get; } = new(new FakeTimeProvider(TestClocks.FirstStart));

        public void Dispose() => Factory.Dispose();
    }

    private async Task<(HttpResponseMessage Response, List<Dictionary<string, string>> Events)> GetFeedAsync(string code)
    {
        using var client = _app.Factory.CreateClient();
        var response = await client.GetAsync($"/api/regions/{code}/calendar.ics");
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotNull(Ical.Net.Calendar.Load(text));

        // RFC 5545 folding: a line break followed by a space continues the line.
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var events = new List<Dictionary<string, string>>();
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                events.Add([]);
            }
            else if (events.Count > 0 && line != "END:VEVENT" && line != "END:VCALENDAR")
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                events[^1][line[..colon]] = line[(colon + 1)..];
            }
        }

        return (response, events);
    }

    [Fact]
    public async Task The_feed_is_served_as_utf8_text_calendar()
    {
        var (response, _) = await GetFeedAsync("hefei");
        using (response)
        {
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        }
    }

    [Theory]
    [InlineData("hefei")]
    [InlineData("hengyang")]
    [InlineData("panzhihua")]
    [InlineData("xinzhou")]
    [InlineData("zhejiang")]
    public async Task Every_milestone_of_the_spec_is_an_event_at_its_time_and_date_only_ones_are_whole_days(string code)
    {
        var (response, feed) = await GetFeedAsync(code);
        response.Dispose();

        // Besides the milestones, the feed carries the catch-up deadline as its own event.
        var events = feed.Where(e => e["UID"].StartsWith("milestone-", StringComparison.Ordinal)).ToList();
        var expected = SpecMilestones.ByRegion[code];
        Assert.Equal(expected.Length, events.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var parts = expected[i].Split(' ');
            var local = DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture);
            if (parts.Contains("day"))
            {
                Assert.Equal(local.ToString("yyyyMMdd", CultureInfo.InvariantCulture), events[i]["DTSTART;VALUE=DATE"]);
                Assert.Equal(local.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture), events[i]["DTEND;VALUE=DATE"]);
                Assert.False(events[i].ContainsKey("DTSTART"));
            }
            else
            {
                Assert.Equal(local.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), events[i]["DTSTART"]);
                Assert.False(events[i].ContainsKey("DTSTART;VALUE=DATE"));
            }

            // Every spec milestone had happened when the app first started, so it was seeded done: confirmed, estimate or not.
            Assert.Equal("CONFIRMED", events[i]["STATUS"]);
            Assert.Equal(parts.Contains("est"), events[i]["SUMMARY"].EndsWith("（预计）", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Times_written_as_24_00_and_the_stop_land_on_the_right_utc_instant()
    {
        var (hefei, hefeiEvents) = await GetFeedAsync("hefei");
        var (hengyang, hengyangEvents) = await GetFeedAsync("hengyang");
        hefei.Dispose();
        hengyang.Dispose();

        // 合肥 stops 2021-11-30 18:00 +08:00; 衡阳 stops "2021-10-30 24:00", the first instant of 10-31 local.
        Assert.Contains(hefeiEvents, e => e.GetValueOrDefault("DTSTART") == "20211130T100000Z" && e["DTEND"] == "20211130T103000Z");
        Assert.Contains(hengyangEvents, e => e.GetValueOrDefault("DTSTART") == "20211030T160000Z");
        Assert.All(hefeiEvents, e => Assert.EndsWith("-hefei@cutover-dashboard", e["UID"], StringComparison.Ordinal));
        Assert.Equal(hefeiEvents.Count, hefeiEvents.Select(e => e["UID"]).Distinct().Count());
    }
}
