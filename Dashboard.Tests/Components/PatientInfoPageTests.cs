using Bunit;
using Dashboard.Components.Pages.Plans;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Components;

/// <summary>The public page a slip's QR code opens: phase, go-live and last day in words a patient reads.</summary>
public sealed class PatientInfoPageTests() : ComponentTestContext(Now)
{
    private static readonly DateTimeOffset Now = TestClocks.FirstStart;

    private IRenderedComponent<PatientInfoPage> RenderPage(string code)
    {
        var page = Render<PatientInfoPage>(p => p.Add(x => x.Code, code));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".patient-page")), TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public void An_estimated_go_live_stays_marked_and_so_does_the_deadline_counted_from_it()
    {
        using var _ = new UiCulture("zh-CN");

        var page = RenderPage("xinzhou");

        Assert.Contains("忻州", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal("已结束", page.Find(".patient-phase .phase-chip").TextContent.Trim());
        Assert.Contains("补办期限已过", page.Find(".patient-phase").TextContent, StringComparison.Ordinal);
        Assert.Equal("2021-10-31 22:00", page.Find(".go-live-time").TextContent.Trim());
        Assert.Contains("预计", page.Find(".patient-go-live .estimate-marker").TextContent, StringComparison.Ordinal);
        // Sunday go-live; 10 working days end on Friday 12 November, a day the patient may still come.
        Assert.Contains("请最迟于 2021 年 11 月 12 日（星期五）当天", page.Find(".deadline-last-day").TextContent, StringComparison.Ordinal);
        Assert.Contains("预计", page.Find(".patient-deadline .estimate-marker").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_go_live_written_as_24_00_stays_so_and_english_readers_get_an_english_date()
    {
        using var _ = new UiCulture("en");

        var page = RenderPage("panzhihua");

        Assert.Equal("Closed", page.Find(".patient-phase .phase-chip").TextContent.Trim());
        Assert.Equal("2020-09-20 24:00", page.Find(".go-live-time").TextContent.Trim());
        Assert.Empty(page.FindAll(".estimate-marker"));
        Assert.Contains("no later than Friday, 9 October 2020 (that day included)", page.Find(".deadline-last-day").TextContent, StringComparison.Ordinal);
        Assert.Contains("Inpatients: the discharge summary", page.Find(".patient-bring").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_only_go_live_stays_a_date()
    {
        using var _ = new UiCulture("zh-CN");

        var page = RenderPage("hengyang");

        Assert.Equal("2021-11-10", page.Find(".go-live-time").TextContent.Trim());
        Assert.Contains("仅日期", page.Find(".patient-go-live").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_carries_the_same_list_of_things_to_bring_as_the_slip()
    {
        using var _ = new UiCulture("zh-CN");

        var page = RenderPage("rehearsal");

        var items = page.FindAll(".patient-bring li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["社会保障卡或医保电子凭证；未领卡的带身份证", "医疗费用发票原件", "处方、费用清单", "住院病人：出院小结（出院记录）"], items);
        Assert.Equal("准备期", page.Find(".patient-phase .phase-chip").TextContent.Trim());
    }
}

/// <summary>A rehearsal started late in 2027 goes live in 2028, a year without holiday calendar data.</summary>
public sealed class PatientInfoPageWithoutCalendarTests() : ComponentTestContext(new DateTimeOffset(2027, 12, 20, 4, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task A_missing_holiday_calendar_is_said_plainly_instead_of_a_guessed_deadline()
    {
        using var _ = new UiCulture("zh-CN");

        var page = Render<PatientInfoPage>(p => p.Add(x => x.Code, "rehearsal"));

        await page.WaitForAssertionAsync(() => Assert.Contains("还没有 2028 年的法定节假日安排", page.Find(".patient-deadline").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll(".deadline-last-day"));
    }
}
