using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Core.Validation;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.PaperForms;

public class PaperFormServiceTests : SeededCoreTests
{
    public PaperFormServiceTests()
    {
    }

    protected PaperFormServiceTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private PaperFormService Forms => Core.Get<PaperFormService>();

    private Task<PaperFormInput> TransferAsync(string serial, string facilityCode = "REH-H01", int? heldPatientId = null) =>
        Core.TransferAsync(serial, facilityCode, heldPatientId);

    private async Task<AccessScope> DeskOf(string facilityCode)
    {
        var desk = await Core.ScopeOf("desk");
        var facility = await Core.Facility(facilityCode);
        return facility.Id == desk.FacilityId ? desk : desk with { UserId = "desk-" + facilityCode, UserName = "desk-" + facilityCode, FacilityId = facility.Id };
    }

    private async Task<int> RegisterAsync(AccessScope scope, PaperFormInput input)
    {
        var result = await Forms.CreateAsync(scope, input);
        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
        return result.Value;
    }

    [Fact]
    public async Task A_serial_is_unique_within_a_facility_and_the_clash_names_the_existing_form()
    {
        var desk = await DeskOf("REH-H01");
        var first = await RegisterAsync(desk, await TransferAsync("0012"));

        var again = await Forms.CreateAsync(desk, await TransferAsync("0012"));
        var elsewhere = await Forms.CreateAsync(await DeskOf("REH-H02"), await TransferAsync("0012", "REH-H02"));

        Assert.Equal(CommandStatus.Invalid, again.Result.Status);
        var message = again.Result.Errors[nameof(PaperFormInput.SerialNumber)].Single();
        Assert.Equal(PaperFormService.SerialTaken, message.Key);
        Assert.Equal(["0012", "转院患者"], message.Args.Take(2));
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Args[^1]);
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task The_list_sorts_and_pages_in_the_database_and_finds_by_serial()
    {
        var desk = await DeskOf("REH-H01");
        foreach (var serial in new[] { "0203", "0201", "0202" })
        {
            await RegisterAsync(desk, await TransferAsync(serial));
        }

        var queries = Core.Get<PaperFormQueries>();
        var bySerial = await queries.SearchAsync(desk, new PaperFormFilter(SortBy: PaperFormSortColumn.SerialNumber, Descending: false), 0, 2);
        var found = await queries.SearchAsync(desk, new PaperFormFilter(Search: "0202"), 0, 10);

        Assert.Equal(3, bySerial.TotalCount);
        Assert.Equal(["0201", "0202"], bySerial.Items.Select(r => r.SerialNumber));
        Assert.Equal(["0202"], found.Items.Select(r => r.SerialNumber));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_form_with_the_same_serial_at_a_facility()
    {
        var desk = await DeskOf("REH-H01");
        await RegisterAsync(desk, await TransferAsync("0099"));
        await using var db = Core.CreateDb();
        var copy = await db.PaperForms.AsNoTracking().SingleAsync();
        copy.Id = 0;
        db.PaperForms.Add(copy);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Gap_report_shows_used_voided_missing_and_unused_numbers_per_range()
    {
        var desk = await DeskOf("REH-H01");
        var stock = Core.Get<FormStockService>();
        var facility = (await Core.Facility("REH-H01")).Id;
        Assert.True((await stock.AddRangeAsync(desk, new StockRangeInput { FacilityId = facility, FirstSerial = "0001", LastSerial = "0010", IssuedTo = "一楼窗口" })).Succeeded);
        foreach (var serial in new[] { "0001", "0002", "0004", "0007" })
        {
            await RegisterAsync(desk, await TransferAsync(serial));
        }

        var voidedId = (await Core.Get<PaperFormQueries>().SearchAsync(desk, new PaperFormFilter(Search: "0002"), 0, 5)).Items.Single().Id;
        var voided = await Core.Get<PaperFormQueries>().GetAsync(desk, voidedId);
        Assert.True((await Forms.ChangeStatusAsync(desk, voidedId, voided!.Version, new StatusChange<PaperFormStatus>(PaperFormStatus.Voided, Reason: "填错作废"))).Succeeded);

        var report = (await stock.ReportAsync(desk)).Single();

        Assert.Equal(("0001", "0010", "一楼窗口"), (report.FirstSerial, report.LastSerial, report.IssuedTo));
        Assert.Equal(3, report.Used);
        Assert.Equal(1, report.Voided);
        Assert.Equal(["0003", "0005–0006"], report.Missing);
        Assert.Equal(3, report.Remaining);
    }

    [Theory]
    [InlineData("0001", "00A9")]
    [InlineData("0010", "0001")]
    [InlineData("001", "0200")]
    [InlineData("A-0001", "B-0200")]
    public async Task Malformed_ranges_are_refused(string first, string last)
    {
        var desk = await DeskOf("REH-H01");

        var result = await Core.Get<FormStockService>().AddRangeAsync(desk, new StockRangeInput { FacilityId = desk.FacilityId!.Value, FirstSerial = first, LastSerial = last });

        Assert.Equal([FormStockService.RangeFormat], result.Result.Errors[nameof(StockRangeInput.FirstSerial)]);
    }

    [Fact]
    public async Task Overlapping_ranges_are_refused()
    {
        var desk = await DeskOf("REH-H01");
        var stock = Core.Get<FormStockService>();
        await stock.AddRangeAsync(desk, new StockRangeInput { FacilityId = desk.FacilityId!.Value, FirstSerial = "0001", LastSerial = "0100" });

        var overlap = await stock.AddRangeAsync(desk, new StockRangeInput { FacilityId = desk.FacilityId!.Value, FirstSerial = "0050", LastSerial = "0150" });

        Assert.Equal([FormStockService.RangeOverlap], overlap.Result.Errors[nameof(StockRangeInput.FirstSerial)]);
    }

    [Fact]
    public async Task A_form_links_to_a_held_patient_the_desk_can_see_and_both_sides_show_it()
    {
        var desk = await DeskOf("REH-H01");
        var held = await Core.Get<HeldPatientService>().CreateAsync(desk, new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = "转出病人", IdNumber = TestIds.Resident(start: 500), AdmittedAt = "2026-11-20 09:00",
        });
        var formId = await RegisterAsync(desk, await TransferAsync("0501", heldPatientId: held.Value));

        var form = await Core.Get<PaperFormQueries>().GetAsync(desk, formId);
        var linked = await Core.Get<PaperFormQueries>().LinkedToAsync(desk, held.Value);
        var foreign = await Forms.CreateAsync(await DeskOf("REH-H02"), await TransferAsync("0502", "REH-H02", heldPatientId: held.Value));

        Assert.Equal((held.Value, "转出病人"), (form!.HeldPatientId, form.HeldPatientName));
        Assert.Equal([formId], linked.Select(l => l.Id));
        Assert.Equal([PaperFormService.HeldPatientNotFound], foreign.Result.Errors[nameof(PaperFormInput.HeldPatientId)]);
    }

    [Fact]
    public async Task Desks_register_at_their_facility_and_supervisors_the_agency_windows_offline_intake()
    {
        var desk = await DeskOf("REH-H01");
        var supervisor = await Core.ScopeOf("supervisor");
        var window = await Core.Facility("REH-W01");
        var intake = await TransferAsync("W-0001", "REH-W01");
        intake.Kind = PaperFormKind.OfflineIntake;
        intake.Subkind = PaperFormSubkind.Reimbursement;
        intake.Destination = null;

        var deskIntake = await Forms.CreateAsync(desk, intake);
        var supervisorAtHospital = await Forms.CreateAsync(supervisor, await TransferAsync("0600"));
        var supervisorIntake = await RegisterAsync(supervisor, intake);

        Assert.Equal(CommandStatus.Forbidden, deskIntake.Result.Status);
        Assert.Equal(CommandStatus.Forbidden, supervisorAtHospital.Result.Status);
        Assert.Equal(window.Id, (await Core.Get<PaperFormQueries>().GetAsync(supervisor, supervisorIntake))!.FacilityId);
        Assert.Null(await Core.Get<PaperFormQueries>().GetAsync(desk, supervisorIntake));
        // The desk's intake, the supervisor's hospital form and the desk's look at the window's form.
        Assert.Equal(3, await Core.CountAudit(AuditActions.AuthorizationFailed));
    }

    [Fact]
    public async Task A_stale_status_change_is_a_conflict()
    {
        var desk = await DeskOf("REH-H01");
        var id = await RegisterAsync(desk, await TransferAsync("0700"));
        var form = await Core.Get<PaperFormQueries>().GetAsync(desk, id);

        var first = await Forms.ChangeStatusAsync(desk, id, form!.Version, new StatusChange<PaperFormStatus>(PaperFormStatus.BackEntered, Number: "BA2026-1"));
        var second = await Forms.ChangeStatusAsync(desk, id, form.Version, new StatusChange<PaperFormStatus>(PaperFormStatus.Voided, Reason: "x"));

        Assert.True(first.Succeeded);
        Assert.Equal(CommandStatus.Conflict, second.Status);
        Assert.Equal(PaperFormStatus.BackEntered, (await Core.Get<PaperFormQueries>().GetAsync(desk, id))!.Status);
    }

    [Fact]
    public void A_received_form_is_back_entered_rejected_or_voided()
    {
        foreach (var target in new[] { PaperFormStatus.BackEntered, PaperFormStatus.Rejected, PaperFormStatus.Voided })
        {
            Assert.Null(PaperForm.Statuses.Check(PaperFormStatus.Received, new StatusChange<PaperFormStatus>(target, "BA1", "reason")));
        }
    }

    [Fact]
    public void A_back_entry_can_still_be_rejected_or_voided_but_never_undone()
    {
        Assert.Null(PaperForm.Statuses.Check(PaperFormStatus.BackEntered, new StatusChange<PaperFormStatus>(PaperFormStatus.Rejected, Reason: "新平台退回")));
        Assert.Null(PaperForm.Statuses.Check(PaperFormStatus.BackEntered, new StatusChange<PaperFormStatus>(PaperFormStatus.Voided, Reason: "重复")));
        Assert.Equal(("", (Message)StatusMessages.NotAllowed),
            PaperForm.Statuses.Check(PaperFormStatus.BackEntered, new StatusChange<PaperFormStatus>(PaperFormStatus.Received)));
        Assert.Equal(("", (Message)StatusMessages.NotAllowed),
            PaperForm.Statuses.Check(PaperFormStatus.BackEntered, new StatusChange<PaperFormStatus>(PaperFormStatus.BackEntered, "BA2")));
    }

    [Theory]
    [InlineData(PaperFormStatus.Rejected)]
    [InlineData(PaperFormStatus.Voided)]
    public void Rejected_and_voided_forms_are_final(PaperFormStatus final)
    {
        Assert.All(Enum.GetValues<PaperFormStatus>(), target =>
            Assert.Equal(("", (Message)StatusMessages.NotAllowed), PaperForm.Statuses.Check(final, new StatusChange<PaperFormStatus>(target, "BA1", "reason"))));
    }

    [Fact]
    public void Back_entry_needs_the_filing_number_and_rejection_a_reason()
    {
        Assert.Equal((nameof(StatusChange<PaperFormStatus>.Number), (Message)"Form_FilingNumberRequired"),
            PaperForm.Statuses.Check(PaperFormStatus.Received, new StatusChange<PaperFormStatus>(PaperFormStatus.BackEntered)));
        Assert.Equal((nameof(StatusChange<PaperFormStatus>.Reason), (Message)StatusMessages.ReasonRequired),
            PaperForm.Statuses.Check(PaperFormStatus.Received, new StatusChange<PaperFormStatus>(PaperFormStatus.Rejected)));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class PaperFormServiceTestsOnPostgres() : PaperFormServiceTests(DatabaseProvider.PostgreSql);
