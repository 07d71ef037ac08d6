using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Plans;

/// <summary>The .ics feed as a calendar app reads it: parsed back into events, one property each.</summary>
public sealed class CalendarFeedTests
{
    private static readonly DateTimeOffset Now = TestClocks.FirstStart;

    /// <summary>A seeded region's plan after <paramref name="change"/> to its entity (the deadline recomputed).</summary>
    private static RegionPlan Plan(string code, Action<Region>? change = null)
    {
        var region = SeededRegions.All().Single(r => r.Code == code);
        var id = 1;
        foreach (var milestone in region.Plan!.Milestones)
        {
            milestone.Id = id++;
        }

        change?.Invoke(region);
        return RegionPlanMapper.ToRegionPlan(region, SeededPlans.Deadlines);
    }

    private static RegionPlan WithStatus(RegionPlan plan, MilestoneKind kind, MilestoneStatus status) =>
        plan with { Milestones = [.. plan.Milestones.Select(m => m.Kind == kind ? m with { Status = status } : m)] };

    private static List<Dictionary<string, string>> Events(RegionPlan plan, DateTimeOffset now)
    {
        var text = CalendarFeed.Build(plan, now);
        Assert.NotNull(Ical.Net.Calendar.Load(text));
        var events = new List<Dictionary<string, string>>();
        foreach (var line in text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (line == "BEGIN:VEVENT")
            {
                events.Add([]);
            }
            else if (events.Count > 0 && line is not "END:VEVENT" and not "END:VCALENDAR")
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                events[^1][line[..colon]] = line[(colon + 1)..];
            }
        }

        return events;
    }

    private static Dictionary<string, string> GoLive(List<Dictionary<string, string>> events, RegionPlan plan) =>
        events.Single(e => e["UID"] == $"milestone-{plan.Milestones.Single(m => m.Kind == MilestoneKind.GoLive).Id}-{plan.Code}@cutover-dashboard");

    private static Dictionary<string, string>? CatchUp(List<Dictionary<string, string>> events, string code) =>
        events.SingleOrDefault(e => e["UID"] == $"catch-up-deadline-{code}@cutover-dashboard");

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void A_title_that_already_says_expected_is_not_marked_again()
    {
        var plan = Plan("xinzhou");

        var goLive = GoLive(Events(plan, SeededPlans.Shanghai(2021, 10, 25)), plan);

        Assert.Equal("新医保系统正式启用（预计）", goLive["SUMMARY"]);
        Assert.Equal(1, Count(goLive["SUMMARY"], "预计"));
        Assert.Equal("TENTATIVE", goLive["STATUS"]);
    }

    [Fact]
    public void A_missed_milestone_is_cancelled_and_says_so()
    {
        var plan = WithStatus(Plan("hefei"), MilestoneKind.GoLive, MilestoneStatus.Missed);

        var goLive = GoLive(Events(plan, SeededPlans.Shanghai(2021, 12, 1)), plan);

        Assert.Equal("CANCELLED", goLive["STATUS"]);
        Assert.Equal("【已错过】新平台正式启用", goLive["SUMMARY"]);
    }

    [Fact]
    public void A_milestone_past_its_time_and_not_done_reads_late_at_feed_time_and_a_done_one_stays_confirmed()
    {
        var plan = Plan("hefei");
        var beforeGoLive = SeededPlans.Shanghai(2021, 12, 12, 7, 59);
        var afterGoLive = SeededPlans.Shanghai(2021, 12, 12, 8, 0);

        Assert.Equal("新平台正式启用", GoLive(Events(plan, beforeGoLive), plan)["SUMMARY"]);
        var late = GoLive(Events(plan, afterGoLive), plan);
        Assert.Equal("【逾期未完成】新平台正式启用", late["SUMMARY"]);
        Assert.Equal("CONFIRMED", late["STATUS"]);

        var done = WithStatus(Plan("xinzhou"), MilestoneKind.GoLive, MilestoneStatus.Done);
        var doneGoLive = GoLive(Events(done, Now), done);
        Assert.Equal("CONFIRMED", doneGoLive["STATUS"]);
        Assert.Equal("新医保系统正式启用（预计）", doneGoLive["SUMMARY"]);
    }

    [Fact]
    public void The_catch_up_deadline_is_an_all_day_event_on_its_last_day()
    {
        var plan = Plan("panzhihua");

        var deadline = CatchUp(Events(plan, Now), "panzhihua");

        Assert.NotNull(deadline);
        Assert.Equal("20201009", deadline["DTSTART;VALUE=DATE"]);
        Assert.Equal("20201010", deadline["DTEND;VALUE=DATE"]);
        Assert.Equal("补录截止（最后一天）", deadline["SUMMARY"]);
        Assert.Equal("CONFIRMED", deadline["STATUS"]);
    }

    [Fact]
    public void A_deadline_counted_from_an_expected_go_live_is_tentative_and_marked_expected()
    {
        var plan = Plan("xinzhou");

        var deadline = CatchUp(Events(plan, Now), "xinzhou");

        Assert.NotNull(deadline);
        Assert.Equal("20211112", deadline["DTSTART;VALUE=DATE"]);
        Assert.Equal("补录截止（最后一天）（预计）", deadline["SUMMARY"]);
        Assert.Equal("TENTATIVE", deadline["STATUS"]);
        Assert.Contains("按预计上线时间推算", deadline["DESCRIPTION"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_deadline_keeps_its_uid_when_go_live_moves()
    {
        var moved = Plan("panzhihua", region =>
            region.Plan!.Milestones.Single(m => m.Kind == MilestoneKind.GoLive).DueUtc += TimeSpan.FromDays(7));

        var before = CatchUp(Events(Plan("panzhihua"), Now), "panzhihua")!;
        var after = CatchUp(Events(moved, Now), "panzhihua")!;

        Assert.Equal(before["UID"], after["UID"]);
        Assert.NotEqual(before["DTSTART;VALUE=DATE"], after["DTSTART;VALUE=DATE"]);
    }

    [Fact]
    public void With_the_holiday_year_missing_there_is_no_deadline_event_and_go_live_says_why()
    {
        var plan = Plan("panzhihua", region =>
            region.Plan!.Milestones.Single(m => m.Kind == MilestoneKind.GoLive).DueUtc = SeededPlans.Shanghai(2028, 1, 10, 8, 0).UtcDateTime);

        var events = Events(plan, Now);

        Assert.Null(CatchUp(events, "panzhihua"));
        Assert.Contains("补录截止无法计算：缺少 2028 年节假日安排", GoLive(events, plan)["DESCRIPTION"], StringComparison.Ordinal);
    }
}
