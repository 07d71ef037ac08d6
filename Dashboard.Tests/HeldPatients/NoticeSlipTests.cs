using Dashboard.Core.Records;
using Dashboard.Core.Time;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Components.Pages.HeldPatients;
using Dashboard.Components.Pages.Plans;
using Dashboard.Core;
using Dashboard.Core.Access;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Seeding;
using Dashboard.Security;
using Dashboard.Tests.Components;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.HeldPatients;

/// <summary>
/// The notice slip a desk prints for a held patient. The clock is the rehearsal's first start
/// (2026-11-22 04:00 UTC): it goes live on Sunday 2026-12-06, so 10 working days end on Friday 2026-12-18.
/// </summary>
public sealed class NoticeSlipTests : ComponentTestContext
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Default;
    private readonly BunitAuthorizationContext _auth;
    private AccessScope? _desk;

    public NoticeSlipTests()
        : base(TestClocks.FirstStart)
    {
        _auth = AddAuthorization();
        Services.AddScoped<CurrentUser>();
    }

    private HeldPatientService Service => Services.GetRequiredService<HeldPatientService>();

    private HeldPatientQueries Queries => Services.GetRequiredService<HeldPatientQueries>();

    private async Task<AccessScope> SignInDeskAsync()
    {
        if (_desk is not null)
        {
            return _desk;
        }

        string userId;
        await using (var db = Services.GetRequiredService<IDbContextFactory<Core.Persistence.DashboardDbContext>>().CreateDbContext())
        {
            userId = db.Users.Single(u => u.UserName == DemoAccounts.Desk.UserName).Id;
        }

        _auth.SetAuthorized(DemoAccounts.Desk.UserName);
        _auth.SetRoles("BillingDesk");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        _desk = (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(userId, null))!;
        return _desk;
    }

    private async Task<int> LogAsync(string name)
    {
        var result = await Service.CreateAsync(await SignInDeskAsync(), new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage,
            PatientName = name,
            IdNumber = TestIds.Resident(area: "340102", birth: "19660412"),
            AdmittedAt = "2026-11-20 09:30",
        });
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private async Task MoveToAsync(int id, StatusChange<HeldPatientStatus> change)
    {
        var record = (await Queries.GetAsync(await SignInDeskAsync(), id))!;
        Assert.True((await Service.ChangeStatusAsync(await SignInDeskAsync(), id, record.Version, change)).Succeeded);
    }

    private async Task<int> LogInStatusAsync(HeldPatientStatus status)
    {
        var id = await LogAsync("告知测试");
        if (status == HeldPatientStatus.Voided)
        {
            await MoveToAsync(id, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided, Reason: "重复登记"));
        }
        else if (status == HeldPatientStatus.Closed)
        {
            await MoveToAsync(id, new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, Number: "ZY2026120001"));
            await MoveToAsync(id, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Settled));
            await MoveToAsync(id, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Closed));
        }

        return id;
    }

    private IRenderedComponent<NoticeSlipPage> RenderSlip(int id, string? language = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"held-patients/{id}/notice" + (language is null ? "" : $"?lang={language}"));
        return Render<NoticeSlipPage>(p => p.Add(x => x.Id, id));
    }

    [Theory]
    [InlineData(HeldPatientStatus.Voided, "此记录已作废")]
    [InlineData(HeldPatientStatus.Closed, "此记录已办结")]
    public async Task A_voided_or_closed_record_gets_a_message_and_no_slip_to_print(HeldPatientStatus status, string message)
    {
        using var _ = new UiCulture("zh-CN");
        var id = await LogInStatusAsync(status);

        var page = RenderSlip(id);

        await page.WaitForAssertionAsync(() => Assert.Contains(message, page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll(".notice-slip"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("打印", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HeldPatientStatus.Logged, true)]
    [InlineData(HeldPatientStatus.Voided, false)]
    [InlineData(HeldPatientStatus.Closed, false)]
    public async Task The_record_page_offers_the_slip_only_for_open_records(HeldPatientStatus status, bool offered)
    {
        using var _ = new UiCulture("zh-CN");
        Render<MudPopoverProvider>();
        var id = await LogInStatusAsync(status);

        var page = Render<HeldPatientPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("h1")), TimeSpan.FromSeconds(10));
        Assert.Equal(offered, page.FindAll($"a[href='held-patients/{id}/notice']").Count == 1);
    }

    [Fact]
    public async Task The_slip_is_in_chinese_by_default_even_when_the_clerks_ui_is_english()
    {
        using var _ = new UiCulture("en");
        var id = await LogAsync("默认中文");

        var page = RenderSlip(id);

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".notice-slip")), TimeSpan.FromSeconds(10));
        var slip = page.Find(".notice-slip");
        Assert.Equal("zh-CN", slip.GetAttribute("lang"));
        Assert.Contains("医保业务告知单", slip.TextContent, StringComparison.Ordinal);
        Assert.Equal("请最迟于 2026 年 12 月 18 日（星期五）当天回院办理医保补登记和结算。", page.Find(".notice-deadline").TextContent.Trim());
        // The clerk's toolbar stays in the clerk's language.
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Print", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_english_slip_names_the_last_day_in_english_with_its_weekday()
    {
        using var _ = new UiCulture("zh-CN");
        var id = await LogAsync("英文告知");

        var page = RenderSlip(id, "en");

        await page.WaitForAssertionAsync(() => Assert.Equal("en", page.Find(".notice-slip").GetAttribute("lang")), TimeSpan.FromSeconds(10));
        var deadline = page.Find(".notice-deadline").TextContent.Trim();
        Assert.Contains("no later than Friday, 18 December 2026 (that day included)", deadline, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", deadline);
        Assert.Contains("Notice to the patient", page.Find(".notice-slip h2").TextContent, StringComparison.Ordinal);
        Assert.Contains("Scan to follow", page.Find(".notice-qr figcaption").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find(".slip-language a[lang=en]").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task The_slip_prints_a_qr_code_of_the_regions_patient_page_without_personal_data()
    {
        using var _ = new UiCulture("zh-CN");
        var id = await LogAsync("二维码");
        var record = (await Queries.GetAsync(await SignInDeskAsync(), id))!;

        var page = RenderSlip(id);

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".notice-qr svg")), TimeSpan.FromSeconds(10));
        var url = page.Find(".notice-qr").GetAttribute("data-url")!;
        Assert.Equal(Services.GetRequiredService<NavigationManager>().BaseUri + "regions/rehearsal/patients", url);
        Assert.DoesNotContain(record.PatientName, Uri.UnescapeDataString(url), StringComparison.Ordinal);
        Assert.DoesNotContain(record.MaskedIdNumber[^4..], url, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), url, StringComparison.Ordinal);
        Assert.Contains("扫码查看本地医保系统切换进度", page.Find(".notice-qr figcaption").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://desk.local/", "http://desk.local/regions/rehearsal/patients")]
    [InlineData("", "http://desk.local/", "http://desk.local/regions/rehearsal/patients")]
    [InlineData("https://cutover.example.gov.cn", "http://desk.local/", "https://cutover.example.gov.cn/regions/rehearsal/patients")]
    [InlineData("https://example.gov.cn/cutover/", "http://desk.local/", "https://example.gov.cn/cutover/regions/rehearsal/patients")]
    public void The_qr_address_is_absolute_and_prefers_the_public_base_url(string? publicBaseUrl, string appBaseUri, string expected) =>
        Assert.Equal(expected, PatientPageLink.For("rehearsal", publicBaseUrl, appBaseUri));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://cutover.example.gov.cn/app", true)]
    [InlineData("cutover.example.gov.cn", false)]
    [InlineData("https://cutover.example.gov.cn/?x=1", false)]
    public void The_public_base_url_setting_must_be_an_http_address(string? value, bool valid)
    {
        var options = new DashboardOptions { PublicBaseUrl = value };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Theory]
    [InlineData("2026-12-18T16:00:00Z", "2026-12-18")] // 24:00 local, the usual stored end of a day
    [InlineData("2026-12-18T15:59:00Z", "2026-12-18")]
    [InlineData("2026-12-18T16:00:00.0000001Z", "2026-12-19")]
    public void The_last_day_is_the_local_day_just_before_the_deadline_instant(string deadlineUtc, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            Dashboard.Core.Plans.CatchUpDeadlineCalculator.LastDayOf(DateTime.Parse(deadlineUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), Shanghai));
}
