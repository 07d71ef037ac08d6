using Dashboard.Api;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Plans;
using Dashboard.Core.Time;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Plans;

public sealed class PlanSettingsTests : SeededCoreTests
{
    private PlanSettingsService Settings => Core.Get<PlanSettingsService>();

    private async Task<RegionPlan> PlanAsync(string code) => (await Core.Get<CutoverPlanService>().GetPlanAsync(code))!;

    private async Task<PlanSettingsInput> ReadAsync(string code) => (await Settings.GetAsync(code))!;

    private async Task<CommandResult> SaveAsync(string code, Action<PlanSettingsInput> change, string user = "demo-admin")
    {
        var input = await ReadAsync(code);
        change(input);
        return await Settings.UpdateAsync(await Core.ScopeOf(user), code, input.Version, input);
    }

    /// <summary>A held patient and a paper form of the rehearsal region, whose deadlines follow its catch-up rule.</summary>
    private async Task LogRecordsAsync()
    {
        var desk = await Core.ScopeOf("desk");
        Assert.True((await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "规则测试", IdNumber = TestIds.Resident(start: 410), AdmittedAt = "2026-11-20 09:00",
        })).Succeeded);
        Assert.True((await Core.Get<PaperFormService>().CreateAsync(desk, await Core.TransferAsync("RULE-0001"))).Succeeded);
    }

    private async Task<IReadOnlyList<DateTime?>> RecordDeadlinesAsync()
    {
        await using var db = Core.CreateDb();
        var region = await db.Regions.SingleAsync(r => r.Code == "rehearsal");
        var held = await db.HeldPatients.Where(p => p.RegionId == region.Id).Select(p => p.DeadlineUtc).ToListAsync();
        var forms = await db.PaperForms.Where(f => f.RegionId == region.Id).Select(f => f.DeadlineUtc).ToListAsync();
        return [.. held, .. forms];
    }

    [Fact]
    public async Task Every_field_is_saved_and_read_back_in_the_plan_and_the_api()
    {
        var result = await SaveAsync("hefei", s =>
        {
            (s.RegionNameZh, s.RegionNameEn) = ("合肥市", "Hefei City");
            (s.OldSystemNameZh, s.OldSystemNameEn) = ("旧医保系统", "Old insurance system");
            (s.NewSystemNameZh, s.NewSystemNameEn) = ("国家医保平台", "National insurance platform");
            (s.CatchUpRuleKind, s.CatchUpWorkingDays, s.CatchUpRuleFromNotice) = (CatchUpRuleKind.WorkingDaysAfterGoLive, 15, true);
            s.TimeZoneId = "Asia/Urumqi";
            s.SourceTitle = " 关于医保信息系统切换的通告 ";
            s.SourceIssuer = "合肥市医疗保障局";
            s.SourceDocumentNumber = "合医保〔2021〕88号";
            s.SourcePublishedOn = new DateOnly(2021, 11, 29);
            s.SourceUrl = "https://ybj.hefei.gov.cn/notice/88.html";
        });

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        var read = await ReadAsync("hefei");
        Assert.Equal(("合肥市", "Hefei City", "旧医保系统", "Old insurance system", "国家医保平台", "National insurance platform"),
            (read.RegionNameZh, read.RegionNameEn, read.OldSystemNameZh, read.OldSystemNameEn, read.NewSystemNameZh, read.NewSystemNameEn));
        Assert.Equal((CatchUpRuleKind.WorkingDaysAfterGoLive, (int?)15, (DateOnly?)null, true, "Asia/Urumqi"),
            (read.CatchUpRuleKind, read.CatchUpWorkingDays, read.CatchUpFixedDate, read.CatchUpRuleFromNotice, read.TimeZoneId));
        var source = new PlanSource("关于医保信息系统切换的通告", "合肥市医疗保障局", "合医保〔2021〕88号", new DateOnly(2021, 11, 29), "https://ybj.hefei.gov.cn/notice/88.html");
        Assert.Equal((source.Title, source.Issuer, source.DocumentNumber, source.PublishedOn, source.Url),
            (read.SourceTitle, read.SourceIssuer, read.SourceDocumentNumber, read.SourcePublishedOn, read.SourceUrl));

        var plan = await PlanAsync("hefei");
        Assert.Equal(new LocalizedText("合肥市", "Hefei City"), plan.Name);
        Assert.Equal(new LocalizedText("旧医保系统", "Old insurance system"), plan.OldSystem);
        Assert.Equal(new LocalizedText("国家医保平台", "National insurance platform"), plan.NewSystem);
        Assert.Equal((CatchUpRuleKind.WorkingDaysAfterGoLive, (int?)15, true), (plan.CatchUp.RuleKind, plan.CatchUp.WorkingDays, plan.CatchUp.FromNotice));
        Assert.Equal("Asia/Urumqi", plan.TimeZone.Id);
        Assert.Equal(source, plan.Source);

        var dto = plan.ToPlan(Core.Clock.GetUtcNow());
        Assert.Equal(new SourceDto(source.Title, source.Issuer, source.DocumentNumber, source.PublishedOn, source.Url), dto.Source);
        Assert.Equal(new TextDto("旧医保系统", "Old insurance system"), dto.OldSystem);
        Assert.Equal("Asia/Urumqi", dto.TimeZone);
        Assert.Equal(15, dto.CatchUp.WorkingDays);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Update, (await PlanIdAsync("hefei")).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task English_names_left_empty_show_the_chinese_ones_and_an_empty_source_is_none()
    {
        var result = await SaveAsync("hefei", s =>
        {
            (s.RegionNameEn, s.OldSystemNameEn, s.NewSystemNameEn) = ("", " ", "");
            (s.SourceTitle, s.SourceIssuer, s.SourceDocumentNumber, s.SourcePublishedOn, s.SourceUrl) = ("", null, " ", null, "");
        });

        Assert.True(result.Succeeded);
        var plan = await PlanAsync("hefei");
        Assert.Equal(plan.Name.Zh, plan.Name.En);
        Assert.Equal(plan.OldSystem.Zh, plan.OldSystem.En);
        Assert.Equal(plan.NewSystem.Zh, plan.NewSystem.En);
        Assert.Null(plan.Source);
        Assert.Null(plan.ToPlan(Core.Clock.GetUtcNow()).Source);
    }

    [Fact]
    public async Task A_rule_of_5_working_days_moves_the_deadlines_of_held_patients_and_paper_forms_and_tells_the_boards()
    {
        await LogRecordsAsync();
        var before = await PlanAsync("rehearsal");
        var told = new List<int>();
        using var _ = Core.Get<RegionActivity>().Subscribe(told.Add);

        var result = await SaveAsync("rehearsal", s => s.CatchUpWorkingDays = 5);

        Assert.True(result.Succeeded);
        var after = await PlanAsync("rehearsal");

        // Go-live Sunday 2026-12-06: 10 working days end on Friday 12-18, 5 on Friday 12-11.
        Assert.Equal(new DateOnly(2026, 12, 18), before.CatchUp.LastDay);
        Assert.Equal(new DateOnly(2026, 12, 11), after.CatchUp.LastDay);
        var endOfDay = new DateTime(2026, 12, 11, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(endOfDay, after.CatchUp.EndsUtc!.Value.UtcDateTime);
        Assert.Equal([endOfDay, endOfDay], await RecordDeadlinesAsync());
        Assert.Contains(await RegionIdAsync("rehearsal"), told);
    }

    [Fact]
    public async Task A_fixed_date_rule_ends_the_catch_up_at_the_end_of_that_day_whatever_go_live_does()
    {
        await LogRecordsAsync();

        var result = await SaveAsync("rehearsal", s => (s.CatchUpRuleKind, s.CatchUpFixedDate) = (CatchUpRuleKind.FixedDate, new DateOnly(2027, 1, 15)));

        Assert.True(result.Succeeded);
        var plan = await PlanAsync("rehearsal");
        Assert.Equal((CatchUpRuleKind.FixedDate, (int?)null, (DateOnly?)new DateOnly(2027, 1, 15), false),
            (plan.CatchUp.RuleKind, plan.CatchUp.WorkingDays, plan.CatchUp.LastDay, plan.CatchUp.IsEstimate));
        var endOfDay = new DateTime(2027, 1, 15, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(endOfDay, plan.CatchUp.EndsUtc!.Value.UtcDateTime);
        Assert.Equal([endOfDay, endOfDay], await RecordDeadlinesAsync());
        Assert.Null((await ReadAsync("rehearsal")).CatchUpWorkingDays);
    }

    [Fact]
    public async Task A_new_time_zone_keeps_every_milestones_written_local_time_and_moves_its_instant()
    {
        var before = await PlanAsync("hengyang");
        var shanghai = before.TimeZone;
        var urumqi = RegionTimeZone.Of("Asia/Urumqi");
        var hefeiBefore = await PlanAsync("hefei");

        Assert.True((await SaveAsync("hengyang", s => s.TimeZoneId = "Asia/Urumqi")).Succeeded);
        Assert.True((await SaveAsync("hefei", s => s.TimeZoneId = "Asia/Urumqi")).Succeeded);

        var after = await PlanAsync("hengyang");
        Assert.Equal(before.Milestones.Select(m => MilestoneTimeText.Format(m, shanghai)), after.Milestones.Select(m => MilestoneTimeText.Format(m, urumqi)));
        Assert.Contains("2021-10-30 24:00", after.Milestones.Select(m => MilestoneTimeText.Format(m, urumqi)));
        Assert.All(before.Milestones.Zip(after.Milestones), pair => Assert.Equal(TimeSpan.FromHours(2), pair.Second.DueUtc - pair.First.DueUtc));
        Assert.Equal(before.Milestones.Select(m => (m.Precision, m.WrittenAsEndOfDay)), after.Milestones.Select(m => (m.Precision, m.WrittenAsEndOfDay)));

        var stop = (await PlanAsync("hefei")).Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        var stopBefore = hefeiBefore.Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        Assert.Equal("2021-11-30 18:00", MilestoneTimeText.Format(stopBefore, shanghai));
        Assert.Equal("2021-11-30 18:00", MilestoneTimeText.Format(stop, urumqi));
        Assert.Equal(new DateTimeOffset(2021, 11, 30, 12, 0, 0, TimeSpan.Zero), stop.DueUtc);
        Assert.Equal(stopBefore.DueUtc.AddHours(2), stop.DueUtc);
        var dto = (await PlanAsync("hefei")).ToPlan(Core.Clock.GetUtcNow()).Milestones.Single(m => m.Kind == MilestoneKind.SystemStop);
        Assert.Equal(new DateTimeOffset(2021, 11, 30, 18, 0, 0, TimeSpan.FromHours(6)), dto.Time);
        Assert.Equal(TimeSpan.FromHours(6), dto.Time.Offset);
    }

    [Fact]
    public async Task A_bad_zone_a_bad_link_and_zero_working_days_are_refused_each_under_its_own_field_and_nothing_changes()
    {
        var before = await ReadAsync("rehearsal");

        var result = await SaveAsync("rehearsal", s =>
        {
            s.RegionNameZh = "改名不应保存";
            s.TimeZoneId = "Mars/Olympus";
            s.SourceUrl = "ftp://ybj.example.gov.cn/notice.pdf";
            s.CatchUpWorkingDays = 0;
        });

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(["CatchUpWorkingDays", "SourceUrl", "TimeZoneId"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new Message(PlanSettingsService.TimeZoneUnknown, "Mars/Olympus")], result.Errors[nameof(PlanSettingsInput.TimeZoneId)]);
        Assert.Equal([new Message(PlanSettingsService.UrlInvalid)], result.Errors[nameof(PlanSettingsInput.SourceUrl)]);
        Assert.Equal([new Message(PlanSettingsService.WorkingDaysRange, "1", "60")], result.Errors[nameof(PlanSettingsInput.CatchUpWorkingDays)]);
        var after = await ReadAsync("rehearsal");
        Assert.Equal((before.Version, before.RegionNameZh, before.TimeZoneId, before.CatchUpWorkingDays), (after.Version, after.RegionNameZh, after.TimeZoneId, after.CatchUpWorkingDays));
    }

    [Theory]
    [InlineData("China Standard Time")]
    [InlineData("UTC+8")]
    [InlineData("")]
    public async Task Only_an_iana_time_zone_is_taken(string zone)
    {
        var result = await SaveAsync("rehearsal", s => s.TimeZoneId = zone);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal([nameof(PlanSettingsInput.TimeZoneId)], result.Errors.Keys);
    }

    [Theory]
    [InlineData("ybj.hefei.gov.cn/notice.html")]
    [InlineData("/notice/88.html")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public async Task Only_an_absolute_http_or_https_link_is_taken(string url)
    {
        var result = await SaveAsync("rehearsal", s => s.SourceUrl = url);

        Assert.Equal([nameof(PlanSettingsInput.SourceUrl)], result.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    [InlineData(null)]
    public async Task Working_days_outside_1_to_60_are_refused(int? days)
    {
        var result = await SaveAsync("rehearsal", s => s.CatchUpWorkingDays = days);

        Assert.Equal([nameof(PlanSettingsInput.CatchUpWorkingDays)], result.Errors.Keys);
    }

    [Fact]
    public async Task A_fixed_date_rule_without_its_date_is_refused_under_the_date()
    {
        var result = await SaveAsync("rehearsal", s => (s.CatchUpRuleKind, s.CatchUpFixedDate) = (CatchUpRuleKind.FixedDate, null));

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal([new Message(PlanSettingsService.FixedDateRequired)], result.Errors[nameof(PlanSettingsInput.CatchUpFixedDate)]);
        Assert.Single(result.Errors);
        Assert.Equal(CatchUpRuleKind.WorkingDaysAfterGoLive, (await PlanAsync("rehearsal")).CatchUp.RuleKind);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_keeps_the_first_save()
    {
        var first = await ReadAsync("rehearsal");
        var second = await ReadAsync("rehearsal");
        var admin = await Core.ScopeOf("demo-admin");
        first.RegionNameZh = "第一次保存";
        second.RegionNameZh = "第二次保存";

        var saved = await Settings.UpdateAsync(admin, "rehearsal", first.Version, first);
        var stale = await Settings.UpdateAsync(admin, "rehearsal", second.Version, second);

        Assert.True(saved.Succeeded);
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.Equal("第一次保存", (await PlanAsync("rehearsal")).Name.Zh);
        Assert.Equal(first.Version + 1, (await ReadAsync("rehearsal")).Version);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("desk")]
    public async Task Only_administrators_change_settings_and_an_attempt_by_anyone_else_is_audited(string user)
    {
        var before = await ReadAsync("rehearsal");

        var result = await SaveAsync("rehearsal", s => (s.RegionNameZh, s.CatchUpWorkingDays) = ("越权修改", 3), user);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(1, await Core.CountAudit(AuditActions.AuthorizationFailed, "rehearsal"));
        var after = await ReadAsync("rehearsal");
        Assert.Equal((before.Version, before.RegionNameZh, before.CatchUpWorkingDays), (after.Version, after.RegionNameZh, after.CatchUpWorkingDays));
    }

    [Fact]
    public async Task A_change_is_audited_with_the_values_before_and_after()
    {
        var result = await SaveAsync("rehearsal", s => (s.OldSystemNameZh, s.CatchUpWorkingDays) = ("演练旧系统", 7));

        Assert.True(result.Succeeded);
        await using var db = Core.CreateDb();
        var planId = (await PlanIdAsync("rehearsal")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.Update && a.EntityType == nameof(CutoverPlan) && a.EntityId == planId);
        Assert.Contains("\"CatchUpWorkingDays\":10", entry.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"CatchUpWorkingDays\":7", entry.AfterJson, StringComparison.Ordinal);
        Assert.Contains("\"OldSystemNameZh\":\"演练旧系统\"", entry.AfterJson, StringComparison.Ordinal);
        Assert.Equal("demo-admin", entry.UserName);
    }

    private async Task<int> PlanIdAsync(string code)
    {
        await using var db = Core.CreateDb();
        return await db.CutoverPlans.Where(p => p.Region!.Code == code).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> RegionIdAsync(string code)
    {
        await using var db = Core.CreateDb();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }
}
