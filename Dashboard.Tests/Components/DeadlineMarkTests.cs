using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Components.Pages.HeldPatients;
using Dashboard.Components.Pages.PaperForms;
using Dashboard.Components.Pages.Plans;
using Dashboard.Components.Pages.CatchUp;
using Dashboard.Core.Access;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;
using Dashboard.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Components;

/// <summary>
/// A deadline counted from an expected (预计) go-live reads as an estimate wherever a record's deadline
/// shows, and a deadline that could not be computed says why. The rehearsal's deadline is Friday
/// 2026-12-18 (10 working days after its go-live on Sunday 2026-12-06); moved to 2028, it has none.
/// </summary>
public sealed class DeadlineMarkTests : ComponentTestContext
{
    private readonly BunitAuthorizationContext _auth;
    private AccessScope? _desk;

    public DeadlineMarkTests()
        : base(TestClocks.FirstStart)
    {
        _auth = AddAuthorization();
        Services.AddScoped<CurrentUser>();
        Render<MudPopoverProvider>();
    }

    private async Task<AccessScope> SignInDeskAsync()
    {
        if (_desk is not null)
        {
            return _desk;
        }

        string userId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            userId = db.Users.Single(u => u.UserName == DemoAccounts.Desk.UserName).Id;
        }

        _auth.SetAuthorized(DemoAccounts.Desk.UserName);
        _auth.SetRoles("BillingDesk");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        _desk = (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(userId, null))!;
        return _desk;
    }

    private async Task<int> LogAsync()
    {
        var result = await Services.GetRequiredService<HeldPatientService>().CreateAsync(await SignInDeskAsync(), new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "期限标记", IdNumber = TestIds.Resident(area: "340102", birth: "19700101", start: 860),
            AdmittedAt = "2026-11-20 09:30",
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private async Task<int> RegisterFormAsync()
    {
        var desk = await SignInDeskAsync();
        var result = await Services.GetRequiredService<PaperFormService>().CreateAsync(desk, new PaperFormInput
        {
            FacilityId = desk.FacilityId!.Value, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity, SerialNumber = "MARK-0001",
            PatientName = "单据标记", IdNumber = TestIds.Resident(start: 870), Destination = "演练市中医医院", IssuedAt = "2026-11-21 15:00", IssuedBy = "李医生",
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private IRenderedComponent<NoticeSlipPage> RenderSlip(int id, string? language)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"held-patients/{id}/notice" + (language is null ? "" : $"?lang={language}"));
        return Render<NoticeSlipPage>(p => p.Add(x => x.Id, id));
    }

    [Theory]
    [InlineData("zh-CN", "2026-12-18 24:00 前", "预计", "按预计上线时间推算")]
    [InlineData("en", "By the end of 2026-12-18", "expected", "Counted from the expected go-live")]
    public async Task The_held_patient_list_marks_a_deadline_counted_from_an_expected_go_live(string culture, string date, string marker, string hint)
    {
        using var _ = new UiCulture(culture);
        await LogAsync();
        await RehearsalGoLive.EstimateAsync(Services);

        var page = Render<HeldPatientsPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".held-patient-table tbody tr")));
        var cell = page.Find(".held-patient-table tbody tr td:last-child");
        Assert.Contains(date, cell.TextContent, StringComparison.Ordinal);
        var chip = cell.QuerySelector(".estimate-marker")!;
        Assert.Equal(marker, chip.TextContent.Trim());
        Assert.StartsWith(hint, chip.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_firm_go_live_leaves_the_deadline_unmarked()
    {
        using var _ = new UiCulture("zh-CN");
        await LogAsync();

        var page = Render<HeldPatientsPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".held-patient-table tbody tr")));
        Assert.Contains("2026-12-18 24:00 前", page.Find(".held-patient-table tbody tr td:last-child").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".held-patient-table .estimate-marker"));
    }

    [Theory]
    [InlineData("zh-CN", "无法计算：缺少 2028 年节假日安排", "缺少 2028 年的节假日数据")]
    [InlineData("en", "Cannot compute: the 2028 holiday calendar is missing", "No holiday calendar for 2028")]
    public async Task The_lists_say_a_missing_holiday_year_instead_of_a_dash(string culture, string message, string title)
    {
        using var _ = new UiCulture(culture);
        await LogAsync();
        await RegisterFormAsync();
        await RehearsalGoLive.IntoMissingYearAsync(Services);

        var held = Render<HeldPatientsPage>();
        var forms = Render<PaperFormsPage>();

        await held.WaitForAssertionAsync(() => Assert.Single(held.FindAll(".held-patient-table tbody tr")));
        await forms.WaitForAssertionAsync(() => Assert.NotEmpty(forms.FindAll(".deadline-missing-year")));
        foreach (var missing in new[] { held.Find(".deadline-missing-year"), forms.Find(".deadline-missing-year") })
        {
            Assert.Equal(message, missing.TextContent.Trim());
            Assert.StartsWith(title, missing.GetAttribute("title"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-CN", "预计")]
    [InlineData("en", "expected")]
    public async Task The_catch_up_previews_mark_the_estimate_too(string culture, string marker)
    {
        using var _ = new UiCulture(culture);
        await LogAsync();
        await RegisterFormAsync();
        await RehearsalGoLive.EstimateAsync(Services);
        var desk = await SignInDeskAsync();

        var held = Render<CatchUpHeldPreview>(p => p.Add(x => x.Scope, desk).Add(x => x.Filter, new CatchUpFilter()).Add(x => x.Total, 1));
        var forms = Render<CatchUpFormsPreview>(p => p.Add(x => x.Scope, desk).Add(x => x.Filter, new CatchUpFilter()).Add(x => x.Total, 1));

        await held.WaitForAssertionAsync(() => Assert.Equal(marker, held.Find(".estimate-marker").TextContent.Trim()));
        await forms.WaitForAssertionAsync(() => Assert.Equal(marker, forms.Find(".estimate-marker").TextContent.Trim()));
    }

    [Theory]
    [InlineData("zh-CN", "预计", "无法计算：缺少 2028 年节假日安排")]
    [InlineData("en", "expected", "Cannot compute: the 2028 holiday calendar is missing")]
    public async Task Record_pages_mark_the_estimate_and_name_the_missing_year(string culture, string marker, string missing)
    {
        using var _ = new UiCulture(culture);
        var held = await LogAsync();
        var form = await RegisterFormAsync();
        await RehearsalGoLive.EstimateAsync(Services);

        var heldPage = Render<HeldPatientPage>(p => p.Add(x => x.Id, held));
        var formPage = Render<PaperFormPage>(p => p.Add(x => x.Id, form));

        await heldPage.WaitForAssertionAsync(() => Assert.Equal(marker, heldPage.Find(".record-details .estimate-marker").TextContent.Trim()));
        await formPage.WaitForAssertionAsync(() => Assert.Equal(marker, formPage.Find(".estimate-marker").TextContent.Trim()));

        await RehearsalGoLive.IntoMissingYearAsync(Services);
        var later = Render<HeldPatientPage>(p => p.Add(x => x.Id, held));

        await later.WaitForAssertionAsync(() => Assert.Equal(missing, later.Find(".record-details .deadline-missing-year").TextContent.Trim()));
        Assert.Empty(later.FindAll(".record-details .estimate-marker"));
    }

    [Theory]
    [InlineData(null, "请最迟于 2026 年 12 月 18 日（星期五）（预计）当天回院办理医保补登记和结算。", "此日期按新系统预计上线时间推算")]
    [InlineData("en", "no later than Friday, 18 December 2026 (expected) (that day included)", "This date is counted from the new system's expected go-live")]
    public async Task The_slip_tells_the_patient_the_date_is_expected(string? language, string deadline, string explanation)
    {
        using var _ = new UiCulture("zh-CN");
        var id = await LogAsync();
        await RehearsalGoLive.EstimateAsync(Services);

        var page = RenderSlip(id, language);

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".notice-slip")));
        Assert.Contains(deadline, page.Find(".notice-deadline").TextContent, StringComparison.Ordinal);
        Assert.StartsWith(explanation, page.Find(".notice-estimate").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "回院办理期限暂无法计算：缺少 2028 年节假日安排。")]
    [InlineData("en", "Your deadline cannot be computed yet: the 2028 holiday calendar is missing.")]
    public async Task The_slip_names_the_missing_holiday_year(string? language, string deadline)
    {
        using var _ = new UiCulture("zh-CN");
        var id = await LogAsync();
        await RehearsalGoLive.IntoMissingYearAsync(Services);

        var page = RenderSlip(id, language);

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".notice-slip")));
        Assert.StartsWith(deadline, page.Find(".notice-deadline").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".notice-estimate"));
    }

    [Theory]
    [InlineData("zh-CN", "预计", "按预计上线时间推算", "无法计算：缺少 2028 年节假日安排")]
    [InlineData("en", "expected", "Counted from the expected go-live", "Cannot compute: the 2028 holiday calendar is missing")]
    public async Task The_regions_deadline_card_marks_the_estimate_and_names_the_missing_year(string culture, string marker, string hint, string missing)
    {
        using var _ = new UiCulture(culture);
        var plans = Services.GetRequiredService<CutoverPlanService>();
        await RehearsalGoLive.EstimateAsync(Services);

        var plan = (await plans.GetPlanAsync("rehearsal"))!;
        var estimated = Render<CatchUpDeadlineCard>(p => p.Add(x => x.Plan, plan).Add(x => x.Now, Clock.GetUtcNow()));

        Assert.Contains("2026-12-18", estimated.Find(".deadline-date").TextContent, StringComparison.Ordinal);
        Assert.Equal(marker, estimated.Find(".estimate-marker").TextContent.Trim());
        Assert.StartsWith(hint, estimated.Find(".deadline-estimate-hint").TextContent.Trim(), StringComparison.Ordinal);

        await RehearsalGoLive.IntoMissingYearAsync(Services);
        var moved = (await plans.GetPlanAsync("rehearsal"))!;
        var missingYear = Render<CatchUpDeadlineCard>(p => p.Add(x => x.Plan, moved).Add(x => x.Now, Clock.GetUtcNow()));

        Assert.Equal(missing, missingYear.Find(".deadline-missing-year").TextContent.Trim());
        Assert.Empty(missingYear.FindAll(".estimate-marker"));
    }

    [Theory]
    [InlineData("zh-CN", "无法计算：缺少 2028 年节假日安排")]
    [InlineData("en", "Cannot compute: the 2028 holiday calendar is missing")]
    public async Task The_patient_page_names_the_missing_holiday_year(string culture, string missing)
    {
        using var _ = new UiCulture(culture);
        await RehearsalGoLive.IntoMissingYearAsync(Services);

        var page = Render<PatientInfoPage>(p => p.Add(x => x.Code, "rehearsal"));

        await page.WaitForAssertionAsync(() => Assert.Equal(missing, page.Find(".patient-deadline .deadline-missing-year").TextContent.Trim()));
    }
}
