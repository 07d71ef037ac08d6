using Dashboard.Core.Access;
using Dashboard.Core.Plans;
using Dashboard.Core.Plans.Notices;
using Dashboard.Core.Seeding;
using Dashboard.Core.Time;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Plans.Notices;

namespace Dashboard.Tests.Plans;

/// <summary>A whole notice pasted, every proposal kept, saved as a new region's plan.</summary>
public sealed class PlanFromNoticeTests : SeededCoreTests
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Of(null);

    private async Task<(CommandResult<int> Result, NoticePlanInput Notice)> CreateAsync(string notice, string code, Action<NoticePlanInput>? change = null)
    {
        var creation = Core.Get<PlanCreationService>();
        var supervisor = (await creation.GetAssignablePeopleAsync()).Single(p => p.UserName == DemoAccounts.Supervisor.UserName);
        var input = new NoticePlanInput
        {
            OldSystemZh = "旧系统", NewSystemZh = "新平台", SourceTitle = NoticeTitle.Find(NoticeCorpus.Text(notice)),
            Milestones = [.. NoticeCorpus.Parse(notice).Select(NoticeMilestoneRow.From)],
        };
        change?.Invoke(input);
        var result = await creation.CreateFromNoticeAsync(await Core.ScopeOf("demo-admin"), new NewPlanInput { Code = code, NameZh = code, PeopleIds = [supervisor.Id] }, input);
        return (result, input);
    }

    [Theory]
    [InlineData(NoticeCorpus.Hefei, "2021-11-30 18:00", "2021-12-12 08:00")]
    [InlineData(NoticeCorpus.Hengyang, "2021-10-30 24:00", "2021-11-10")]
    [InlineData(NoticeCorpus.Panzhihua, "2020-09-11 00:00", "2020-09-20 24:00")]
    [InlineData(NoticeCorpus.Xinzhou, "2021-10-21 18:00", "2021-10-31 22:00")]
    [InlineData(NoticeCorpus.Zhejiang, "2022-02-06 00:00", "2022-02-15 00:00")]
    public async Task Every_seed_notice_pasted_whole_becomes_a_plan_with_its_stop_and_go_live_as_written(string notice, string stop, string goLive)
    {
        var (created, input) = await CreateAsync(notice, "n" + notice[..3]);

        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m.Key}"))));
        var plan = (await Core.Get<CutoverPlanService>().GetPlanAsync("n" + notice[..3]))!;
        Assert.Equal(input.Milestones.Count, plan.Milestones.Count);
        Assert.Equal(stop, MilestoneTimeText.Format(plan.Milestones.Where(m => m.IsOutageStart).MinBy(m => m.DueUtc)!, Shanghai));
        Assert.Equal(goLive, MilestoneTimeText.Format(plan.Milestones.Where(m => m.Kind == MilestoneKind.GoLive).MinBy(m => m.DueUtc)!, Shanghai));
        await using var db = Core.CreateDb();
        Assert.Equal(input.SourceTitle, db.CutoverPlans.Where(p => p.RegionId == created.Value).Select(p => p.SourceNotice).Single());
    }

    [Fact]
    public async Task Dropped_proposals_are_not_saved_and_a_wrong_row_is_refused_by_its_position()
    {
        var (refused, _) = await CreateAsync(NoticeCorpus.Xinzhou, "xzbad", n => n.Milestones[3].Milestone.LocalTime = "2021-10-32");
        var (created, input) = await CreateAsync(NoticeCorpus.Xinzhou, "xzok", n => (n.Milestones[3].Milestone.LocalTime, n.Milestones[3].Include) = ("2021-10-32", false));

        Assert.Equal([MilestoneInputRules.TimeFormat], refused.Result.Errors[NoticePlanInput.RowPrefix(3) + nameof(MilestoneInput.LocalTime)].Select(m => m.Key));
        Assert.True(created.Succeeded);
        Assert.Equal(input.Milestones.Count - 1, (await Core.Get<CutoverPlanService>().GetPlanAsync("xzok"))!.Milestones.Count);
        Assert.Null(await Core.Get<CutoverPlanService>().GetPlanAsync("xzbad"));
    }

    [Fact]
    public async Task A_plan_needs_its_systems_named_and_at_least_one_milestone_kept()
    {
        var (refused, _) = await CreateAsync(NoticeCorpus.Hefei, "hfnone", n =>
        {
            (n.OldSystemZh, n.NewSystemZh) = ("", " ");
            n.Milestones.ForEach(m => m.Include = false);
        });

        Assert.Equal(CommandStatus.Invalid, refused.Result.Status);
        Assert.Contains(nameof(NoticePlanInput.OldSystemZh), refused.Result.Errors.Keys);
        Assert.Contains(nameof(NoticePlanInput.NewSystemZh), refused.Result.Errors.Keys);
        Assert.Equal([PlanCreationService.NoMilestones], refused.Result.Errors[nameof(NoticePlanInput.Milestones)].Select(m => m.Key));
    }

    [Fact]
    public async Task A_go_live_read_before_the_stop_is_refused_for_the_whole_list()
    {
        var (refused, _) = await CreateAsync(NoticeCorpus.Xinzhou, "xzorder", n =>
            n.Milestones.Single(m => m.Milestone.Kind == MilestoneKind.GoLive).Milestone.LocalTime = "2021-10-01 08:00");

        Assert.Equal([PlanOrderChecks.GoLiveBeforeStop], refused.Result.Errors[nameof(NoticePlanInput.Milestones)].Select(m => m.Key));
    }
}
