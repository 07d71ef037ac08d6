using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.EndToEnd.Axe;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Page 50 of a long list without 49 clicks: a page number typed under any record list and Enter go
/// there; a number that is not a page is refused beside the box and the list stays where it was.
/// Each test's desk has its own facility, so its lists hold exactly the records the test made.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageNumberTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_page_number_and_Enter_go_to_that_page_of_the_held_patient_list_and_a_number_that_is_no_page_is_refused()
    {
        var prefix = OwnData.Unique("翻页");
        var desk = await DeskWithRecordsAsync(prefix, heldPatients: 60, paperForms: 0);
        var page = await Browser.NewPageAsync(desk);
        var list = RecordListPage.HeldPatients(page);
        await list.OpenAsync();
        await Expect(list.Row(Name(prefix, 1))).ToBeVisibleAsync();

        // Newest first, 25 a page: page 3 holds the ten oldest.
        await list.Pager.GoToAsync("3");
        await Expect(list.Row(Name(prefix, 51))).ToBeVisibleAsync();
        await Expect(list.Rows).ToHaveCountAsync(10);
        await Expect(list.Row(Name(prefix, 60))).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("page-number-held-page-3");

        foreach (var notAPage in new[] { "0", "4", "abc" })
        {
            await list.Pager.GoToAsync(notAPage);
            await Expect(list.Pager.Refusal).ToHaveTextAsync(Ui.Text("Pager_NotAPage", 3));
            await Expect(list.Pager.PageNumber).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(list.Pager.PageNumber).ToHaveValueAsync(notAPage);
            await Expect(list.Row(Name(prefix, 51))).ToBeVisibleAsync();
            await Expect(list.Rows).ToHaveCountAsync(10);
        }

        await page.ScreenshotIfAskedAsync("page-number-held-refused");

        // The refused box and its message are readable and named for screen-reader and low-vision users.
        AxeAudit.AssertNone(await AxeAudit.SeriousViolationsAsync(page));

        // A full-width digit from a Chinese input method is a digit; the refusal goes once a page is found.
        await list.Pager.GoToAsync("２");
        await Expect(list.Row(Name(prefix, 26))).ToBeVisibleAsync();
        await Expect(list.Pager.Refusal).ToHaveCountAsync(0);
        await Expect(list.Pager.PageNumber).ToHaveAttributeAsync("aria-invalid", "false");
    }

    [Fact]
    public async Task The_paper_form_list_and_the_catch_up_preview_have_the_same_page_number_box()
    {
        var prefix = OwnData.Unique("翻页单");
        var desk = await DeskWithRecordsAsync(prefix, heldPatients: 35, paperForms: 30);
        var page = await Browser.NewPageAsync(desk);

        var forms = RecordListPage.PaperForms(page);
        await forms.OpenAsync();
        await forms.Pager.GoToAsync("2");
        await Expect(forms.Rows).ToHaveCountAsync(5);
        await Expect(forms.Row(Serial(prefix, 30))).ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("page-number-paper-forms-page-2");

        // The catch-up preview lists the oldest first, ten a page: page 4 holds the five newest.
        var catchUp = new CatchUpPage(page);
        await catchUp.OpenAsync();
        await catchUp.HeldPager.GoToAsync("5");
        await Expect(catchUp.HeldPager.Refusal).ToHaveTextAsync(Ui.Text("Pager_NotAPage", 4));
        await catchUp.HeldPager.GoToAsync("4");
        await Expect(catchUp.HeldPreview.GetByRole(AriaRole.Row).Filter(new() { HasText = Name(prefix, 1) })).ToBeVisibleAsync();
        await Expect(catchUp.HeldPreview.GetByRole(AriaRole.Row).Filter(new() { HasText = prefix })).ToHaveCountAsync(5);
        await page.ScreenshotIfAskedAsync("page-number-catch-up-page-4");
    }

    private static string Name(string prefix, int number) => $"{prefix}患者{number:00}";

    private static string Serial(string prefix, int number) => $"{prefix}-{number:000}";

    /// <summary>A desk of a new facility with held patients and paper forms entered a minute apart, number 1 the newest.</summary>
    private async Task<DemoAccounts.DemoAccount> DeskWithRecordsAsync(string prefix, int heldPatients, int paperForms)
    {
        var facilityId = await Browser.FacilityAsync(RehearsalRegion.Code, prefix + "医院");
        var desk = await Browser.DeskAsync(facilityId, prefix + "收费处");
        var now = Browser.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await Browser.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == facilityId);
        for (var number = 1; number <= heldPatients; number++)
        {
            var entered = now.AddMinutes(-number);
            var record = new HeldPatient
            {
                FacilityId = facilityId, RegionId = facility.RegionId, Category = HeldPatientCategory.InpatientSpanningOutage, Status = HeldPatientStatus.Logged,
                PatientName = "", IdNumber = TestIds.Resident(start: number), AdmittedUtc = entered.AddDays(-1),
                EnteredByUserId = desk.UserName, EnteredByName = desk.DisplayName, EnteredUtc = entered, UpdatedUtc = entered,
            };
            record.IdNumberReversed = HeldPatient.Reversed(record.IdNumber);
            record.SetPatientName(Name(prefix, number));
            db.HeldPatients.Add(record);
        }

        for (var number = 1; number <= paperForms; number++)
        {
            var entered = now.AddMinutes(-number);
            var form = new PaperForm
            {
                FacilityId = facilityId, RegionId = facility.RegionId, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity,
                Status = PaperFormStatus.Received, SerialNumber = Serial(prefix, number), PatientName = "", IdNumber = TestIds.Resident(start: number),
                IssuedUtc = entered, IssuedBy = "王医生", EnteredByUserId = desk.UserName, EnteredByName = desk.DisplayName, EnteredUtc = entered, UpdatedUtc = entered,
            };
            form.SetPatientName(Name(prefix, number));
            db.PaperForms.Add(form);
        }

        await db.SaveChangesAsync();
        return desk;
    }
}
