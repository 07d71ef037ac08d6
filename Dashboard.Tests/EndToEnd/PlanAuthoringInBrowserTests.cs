using System.Text.Json;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>An administrator opens a region from a template and corrects its plan, as fast as a person who knows the notice.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class PlanAuthoringInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_plan_from_a_24_00_template_with_an_18_00_stop_shows_the_same_times_on_the_timeline_in_the_dialog_and_in_the_api()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = OwnData.Unique("xt");
        var form = new NewPlanPage(page);
        await form.OpenAsync();
        await form.ChooseTemplateAsync("衡阳");
        await Expect(page.Locator(".template-anchor")).ToContainTextAsync("2021-10-30 24:00");

        // No one in charge and a date that does not exist: both refused, each under its own field.
        await form.Stop.FillAsync("2021-09-31 18:00");
        await form.FillRegionAsync(code, "湘潭", "Xiangtan");
        await form.Button("Plan_Create").ClickAsync();
        await Expect(form.MessageUnder(form.Stop)).ToHaveTextAsync(Ui.Text("Milestone_TimeFormat"));
        await Expect(form.MessageUnder(form.People)).ToHaveTextAsync(Ui.Text("Plan_SupervisorRequired"));
        await page.ScreenshotIfAskedAsync("plan-new-refused");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        await form.Stop.FillAsync("2021-09-30 18:00");
        await form.ChoosePersonAsync(DemoAccounts.Supervisor.DisplayName);
        await form.Button("Plan_Create").ClickAsync();
        await Expect(form.Heading("湘潭")).ToBeVisibleAsync();
        await page.WaitInteractiveAsync();

        var region = new RegionPage(page, code);
        await Expect(region.TimeOf(nameof(MilestoneKind.SystemStop))).ToHaveTextAsync("2021-09-30 18:00");
        await Expect(region.TimeOf(nameof(MilestoneKind.GoLive))).ToHaveTextAsync("2021-10-11");
        await page.ScreenshotIfAskedAsync("plan-new-created");
        var move = await region.StartMoveAsync(nameof(MilestoneKind.SystemStop));
        await Expect(move.NewTime).ToHaveValueAsync("2021-09-30 18:00");
        await page.Keyboard.PressAsync("Escape");
        var json = await page.EvaluateAsync<string>($"fetch('/api/regions/{code}/plan').then(r => r.text())");
        var milestones = JsonDocument.Parse(json).RootElement.GetProperty("milestones").EnumerateArray().ToList();
        var stop = milestones.Single(m => m.GetProperty("kind").GetString() == nameof(MilestoneKind.SystemStop));
        Assert.Equal(new DateTimeOffset(2021, 9, 30, 18, 0, 0, TimeSpan.FromHours(8)), stop.GetProperty("time").GetDateTimeOffset());
        Assert.False(stop.GetProperty("writtenAsEndOfDay").GetBoolean());
    }

    [Fact]
    public async Task Moving_a_go_live_before_the_stop_is_refused_with_both_times_under_the_field()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = await Browser.PlanAsync("先后检查", "2027-03-10 18:00");
        var region = new RegionPage(page, code);
        await region.OpenAsync();
        var goLive = nameof(MilestoneKind.GoLive);

        var dialog = await region.StartMoveAsync(goLive);
        await dialog.NewTime.FillAsync("2027-03-09 08:00");
        await dialog.Reason.FillAsync("测试提前");
        await dialog.Reason.PressAsync("Enter");
        await dialog.Move.ClickAsync();

        await Expect(dialog.Message).ToHaveTextAsync(Ui.Text(PlanOrderChecks.GoLiveBeforeStop, "2027-03-09 08:00", "2027-03-10 18:00"));
        await page.ScreenshotIfAskedAsync("plan-go-live-before-stop");
        await Expect(dialog.NewTime).ToHaveValueAsync("2027-03-09 08:00");
        await page.Keyboard.PressAsync("Escape");
        await Expect(region.TimeOf(goLive)).ToHaveTextAsync("2027-03-22 08:00");
    }

    [Fact]
    public async Task An_administrator_pastes_a_notice_corrects_its_proposals_and_saves_the_plan()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = OwnData.Unique("xz");
        var form = new NewPlanPage(page);
        var notice = new NoticePlanForm(page);
        await form.OpenAsync();

        // The moment the page shows: paste the whole notice and ask for its milestones.
        await notice.NoticeText.FillAsync(Dashboard.Tests.Plans.Notices.NoticeCorpus.Text(Dashboard.Tests.Plans.Notices.NoticeCorpus.Xinzhou));
        await notice.Read.ClickAsync();
        await Expect(notice.Found).ToContainTextAsync(Ui.Matching(Ui.Chinese, "Plan_NoticeFound", @"\d+"));
        var stop = await notice.RowAtAsync("2021-10-21 18:00");
        await Expect(stop).ToContainTextAsync(Ui.Text("MilestoneKind_SystemStop"));
        await page.ScreenshotIfAskedAsync("plan-notice-read");

        // A wrong time on one proposal, no system names, no one in charge: each refused where it is.
        var wrong = await notice.RowAtAsync("2021-10-20");
        await NoticePlanForm.TimeOf(wrong).FillAsync("2021-10-32");
        await form.FillRegionAsync(code, "忻州（公告）", "Xinzhou (notice)");
        await form.Button("Plan_Create").ClickAsync();
        await Expect(notice.MessageUnder(NoticePlanForm.TimeOf(wrong))).ToHaveTextAsync(Ui.Text("Milestone_TimeFormat"));
        await Expect(notice.OldSystem).ToBeFocusedAsync();
        await Expect(notice.MessageUnder(notice.OldSystem)).ToHaveTextAsync(Ui.Text("Validation_Required"));
        await Expect(form.MessageUnder(form.People)).ToHaveTextAsync(Ui.Text("Plan_SupervisorRequired"));
        await page.ScreenshotIfAskedAsync("plan-notice-refused");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        // Drop the wrong one instead of fixing it, name the systems, choose the supervisor, save.
        await NoticePlanForm.Keep(wrong).UncheckAsync();
        await notice.OldSystem.FillAsync("社会保险管理信息系统医保子系统");
        await notice.NewSystem.FillAsync("国家（山西省）医疗保障信息平台");
        await form.ChoosePersonAsync(DemoAccounts.Supervisor.DisplayName);
        await form.Button("Plan_Create").ClickAsync();
        await Expect(form.Heading("忻州（公告）")).ToBeVisibleAsync();
        await page.WaitInteractiveAsync();

        var region = new RegionPage(page, code);
        await Expect(region.TimeOf(nameof(MilestoneKind.SystemStop))).ToHaveTextAsync("2021-10-21 18:00");
        await Expect(region.TimeOf(nameof(MilestoneKind.GoLive))).ToHaveTextAsync("2021-10-31 22:00");
        await Expect(region.Milestone(nameof(MilestoneKind.GoLive)).Locator(".estimate-marker")).ToBeVisibleAsync();
        await Expect(region.Milestones.Filter(new() { Has = page.Locator(".milestone-time", new() { HasTextString = "2021-10-20" }) })).ToHaveCountAsync(0);
        await Expect(page.GetByText("国家（山西省）医疗保障信息平台", new() { Exact = false })).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("plan-notice-created");
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_under_its_end_and_saved_once_corrected()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var code = await Browser.PlanAsync("时间段检查", "2027-03-10 18:00");
        var region = new RegionPage(page, code);
        await region.OpenAsync();

        await region.Button("MS_Add").ClickAsync();
        var dialog = new MilestoneEditorDialog(page);
        await dialog.Time.FillAsync("2027-03-05");
        await dialog.End.FillAsync("2027-03-01");
        await dialog.TitleZh.FillAsync("暂停个人缴费业务");
        await dialog.Save.ClickAsync();

        await Expect(dialog.MessageUnder("MS_EndTime")).ToHaveTextAsync(Ui.Text(MilestoneInputRules.WindowEndBeforeStart, "2027-03-01", "2027-03-05"));
        await page.ScreenshotIfAskedAsync("milestone-window-refused");
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));
        await dialog.End.FillAsync("2027-03-09 24:00");
        await dialog.Save.ClickAsync();
        await Expect(dialog.Root).ToHaveCountAsync(0);
        var period = region.Milestones.Filter(new() { HasText = "暂停个人缴费业务" });
        await Expect(period.Locator(".milestone-time")).ToHaveTextAsync("2027-03-05 – 2027-03-09 24:00");
        await page.ScreenshotIfAskedAsync("milestone-window-saved");
    }

    [Fact]
    public async Task Pasting_more_than_the_notice_box_holds_says_what_was_left_out_and_the_page_stays_live()
    {
        var page = await Browser.NewPageAsync(DemoAccounts.Admin);
        var form = new NewPlanPage(page);
        var notice = new NoticePlanForm(page);
        await form.OpenAsync();
        var huge = Dashboard.Tests.Plans.Notices.NoticeCorpus.Text(Dashboard.Tests.Plans.Notices.NoticeCorpus.Panzhihua);
        huge = string.Concat(Enumerable.Repeat(huge, 60_000 / huge.Length + 1));
        Assert.True(huge.Length > 3 * Dashboard.Components.Pages.Admin.NoticePlanFields.MaxNoticeLength);

        // As a paste arrives: through the browser's editing, which keeps to the box's limit (a scripted fill would not).
        await notice.NoticeText.FocusAsync();
        await page.Keyboard.InsertTextAsync(huge);
        await notice.Read.ClickAsync();

        await Expect(page.Locator(".notice-too-long")).ToHaveTextAsync(Ui.Text("Plan_NoticeTooLong", Dashboard.Components.Pages.Admin.NoticePlanFields.MaxNoticeLength));
        await Expect(notice.Found).ToContainTextAsync(Ui.Matching(Ui.Chinese, "Plan_NoticeFound", @"[1-9]\d*"));
        await page.ScreenshotIfAskedAsync("plan-notice-huge");
    }
}
