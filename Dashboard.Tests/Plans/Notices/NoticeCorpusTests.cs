using Dashboard.Core.Plans;
using Dashboard.Core.Plans.Notices;
using Dashboard.Core.Time;
using static Dashboard.Tests.Plans.Notices.NoticeCorpus;

namespace Dashboard.Tests.Plans.Notices;

/// <summary>The seed notices parsed: every milestone SPEC section 3 lists, written as the notice writes it.</summary>
public sealed class NoticeCorpusTests
{
    public static TheoryData<string, string> SpecMilestones => new()
    {
        { Hefei, "2021-11-26 17:00" }, { Hefei, "2021-11-29" }, { Hefei, "2021-11-30 12:00" }, { Hefei, "2021-11-30" },
        { Hefei, "2021-11-30 18:00" }, { Hefei, "2021-12-12 08:00" }, { Hefei, "2021-10-20" }, { Hefei, "2021-11-24" },
        { Hengyang, "2021-10-12" }, { Hengyang, "2021-10-15" }, { Hengyang, "2021-10-20" }, { Hengyang, "2021-10-25 24:00" },
        { Hengyang, "2021-10-29" }, { Hengyang, "2021-10-30" }, { Hengyang, "2021-10-30 24:00" }, { Hengyang, "2021-11-10" },
        { Panzhihua, "2020-09-10 17:00" }, { Panzhihua, "2020-09-11 00:00" }, { Panzhihua, "2020-09-18 08:00" },
        { Panzhihua, "2020-09-20 24:00" }, { Panzhihua, "2020-12-31" },
        { Xinzhou, "2021-10-11" }, { Xinzhou, "2021-10-14" }, { Xinzhou, "2021-10-19 17:00" }, { Xinzhou, "2021-10-20" },
        { Xinzhou, "2021-10-21 17:00" }, { Xinzhou, "2021-10-21 18:00" }, { Xinzhou, "2021-10-31 22:00" },
        { Zhejiang, "2022-02-01" }, { Zhejiang, "2022-02-06 00:00" }, { Zhejiang, "2022-02-10 00:00" },
        { Zhejiang, "2022-02-15 00:00" }, { Zhejiang, "2022-12-31" },
    };

    public static TheoryData<string, string, MilestoneKind> SpecKinds => new()
    {
        { Hefei, "2021-11-30 18:00", MilestoneKind.SystemStop },
        { Hefei, "2021-12-12 08:00", MilestoneKind.GoLive },
        { Hengyang, "2021-10-30 24:00", MilestoneKind.SystemStop },
        { Hengyang, "2021-11-10", MilestoneKind.GoLive },
        { Panzhihua, "2020-09-11 00:00", MilestoneKind.SystemStop },
        { Panzhihua, "2020-09-18 08:00", MilestoneKind.PartialResume },
        { Panzhihua, "2020-09-20 24:00", MilestoneKind.GoLive },
        { Panzhihua, "2020-12-31", MilestoneKind.CatchUpDeadline },
        { Xinzhou, "2021-10-21 18:00", MilestoneKind.SystemStop },
        { Xinzhou, "2021-10-31 22:00", MilestoneKind.GoLive },
        { Zhejiang, "2022-02-06 00:00", MilestoneKind.BusinessStop },
        { Zhejiang, "2022-02-10 00:00", MilestoneKind.SettlementStop },
        { Zhejiang, "2022-02-15 00:00", MilestoneKind.GoLive },
        { Zhejiang, "2022-12-31", MilestoneKind.CatchUpDeadline },
    };

    [Theory]
    [MemberData(nameof(SpecMilestones))]
    public void Every_milestone_the_spec_lists_is_proposed_as_the_notice_writes_it(string notice, string localTime) =>
        Assert.Contains(Parse(notice), p => p.LocalTime == localTime);

    [Theory]
    [MemberData(nameof(SpecKinds))]
    public void Stops_go_lives_and_deadlines_get_the_spec_kind(string notice, string localTime, MilestoneKind kind) =>
        Assert.Contains(Parse(notice), p => p.LocalTime == localTime && p.Kind == kind);

    [Theory]
    [MemberData(nameof(NoticeCorpus.Notices), MemberType = typeof(NoticeCorpus))]
    public void A_notice_pasted_twice_proposes_each_milestone_once(string notice)
    {
        var text = NoticeCorpus.Text(notice);

        var twice = NoticeParser.Parse(text + "\n\n" + text);

        Assert.Equal(Parse(notice), twice);
    }

    [Theory]
    [InlineData(Hengyang, "2021-10-30 24:00", "2021-10-30T16:00:00Z")]
    [InlineData(Panzhihua, "2020-09-11 00:00", "2020-09-10T16:00:00Z")]
    [InlineData(Panzhihua, "2020-09-20 24:00", "2020-09-20T16:00:00Z")]
    [InlineData(Zhejiang, "2022-02-06 00:00", "2022-02-05T16:00:00Z")]
    [InlineData(Zhejiang, "2022-02-15 00:00", "2022-02-14T16:00:00Z")]
    public void Written_times_read_back_as_the_spec_instants(string notice, string localTime, string utc)
    {
        var proposal = Parse(notice).First(p => p.LocalTime == localTime);

        var parsed = MilestoneTimeParser.Parse(proposal.LocalTime, RegionTimeZone.Default);

        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), parsed.DueUtc);
        Assert.Equal(MilestonePrecision.Minute, parsed.Precision);
        Assert.Equal(localTime.EndsWith("24:00", StringComparison.Ordinal), parsed.WrittenAsEndOfDay);
    }

    [Fact]
    public void Xinzhou_go_live_is_an_estimate_and_its_stop_is_not()
    {
        var proposals = Parse(Xinzhou);

        Assert.True(proposals.Single(p => p.Kind == MilestoneKind.GoLive && p.LocalTime == "2021-10-31 22:00").IsEstimated);
        Assert.False(proposals.Single(p => p.Kind == MilestoneKind.SystemStop).IsEstimated);
    }

    [Fact]
    public void Hefei_outage_is_a_window_from_the_stop_to_go_live()
    {
        var stop = Parse(Hefei).First(p => p.Kind == MilestoneKind.SystemStop);

        Assert.Equal("2021-11-30 18:00", stop.LocalTime);
        Assert.Equal("2021-12-12 08:00", stop.EndLocalTime);
        Assert.StartsWith("老系统于2021年11月30日18:00停止使用", stop.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Panzhihua_outage_window_proposes_its_end_as_the_go_live()
    {
        var proposals = Parse(Panzhihua);

        var stop = proposals.Single(p => p.Kind == MilestoneKind.SystemStop);
        var goLive = proposals.Single(p => p.Kind == MilestoneKind.GoLive);
        Assert.Equal(("2020-09-11 00:00", "2020-09-20 24:00"), (stop.LocalTime, stop.EndLocalTime));
        Assert.Equal(("2020-09-20 24:00", null), (goLive.LocalTime, goLive.EndLocalTime));
        Assert.Equal(stop.Sentence, goLive.Sentence);
    }

    [Theory]
    [InlineData(Hefei, "2021年11月29日")]
    [InlineData(Panzhihua, "2020年9月8日印发")]
    [InlineData(Xinzhou, "2021年10月9日印发")]
    [InlineData(Zhejiang, "2022年1月24日")]
    public void The_signature_date_is_not_proposed(string notice, string signature)
    {
        Assert.Contains(signature, Text(notice), StringComparison.Ordinal);

        Assert.DoesNotContain(Parse(notice), p => p.Sentence == signature);
    }

    [Fact]
    public void Rule_dates_inside_clauses_are_proposed_as_other()
    {
        var rule = Parse(Hefei).Where(p => p.LocalTime == "2021-10-20").ToList();

        Assert.NotEmpty(rule);
        Assert.All(rule, p => Assert.Equal(MilestoneKind.Other, p.Kind));
    }

    [Theory]
    [MemberData(nameof(Notices), MemberType = typeof(NoticeCorpus))]
    public void Every_proposal_is_a_time_the_milestone_parser_reads(string notice)
    {
        Assert.All(Parse(notice), p =>
        {
            var start = MilestoneTimeParser.Parse(p.LocalTime, RegionTimeZone.Default);
            if (p.EndLocalTime is { } end)
            {
                Assert.True(MilestoneTimeParser.Parse(end, RegionTimeZone.Default).DueUtc >= start.DueUtc, p.ToString());
            }
        });
    }

    [Theory]
    [MemberData(nameof(Notices), MemberType = typeof(NoticeCorpus))]
    public void No_date_is_proposed_twice_from_one_sentence(string notice)
    {
        var proposals = Parse(notice);

        Assert.Equal(proposals.Count, proposals.DistinctBy(p => (p.LocalTime, p.Sentence)).Count());
    }

    [Theory]
    [MemberData(nameof(Notices), MemberType = typeof(NoticeCorpus))]
    public void Titles_are_short_and_clean(string notice)
    {
        Assert.All(Parse(notice), p =>
        {
            Assert.InRange(p.Sentence.Length, 1, NoticeSentenceSplitter.MaxTitleLength + 1);
            Assert.DoesNotContain("**", p.Sentence, StringComparison.Ordinal);
            Assert.False(p.Sentence.StartsWith('#'), p.Sentence);
        });
    }
}
