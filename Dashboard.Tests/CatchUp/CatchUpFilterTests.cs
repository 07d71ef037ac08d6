using Dashboard.Core.Persistence;
using System.Text.Json;
using ClosedXML.Excel;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Infrastructure.RecordRows;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// Each filter of a catch-up list narrows it to exactly the records it names, for held patients and
/// paper forms alike. The clock is 2026-11-22 12:00 local; records of two regions and three
/// facilities, outstanding and not, overdue and not.
/// </summary>
public class CatchUpFilterTests : SeededCoreTests
{
    public CatchUpFilterTests()
    {
    }

    protected CatchUpFilterTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private CatchUpQueries Queries => Core.Get<CatchUpQueries>();

    /// <summary>甲…己 held patients, 庚…癸 paper forms; only the outstanding ones may ever be listed.</summary>
    private async Task SeedAsync()
    {
        await Core.AddHeldAsync("REH-H01", "甲", HeldPatientStatus.Logged, HeldPatientCategory.InpatientSpanningOutage, EndOf(2026, 11, 20));
        await Core.AddHeldAsync("REH-H01", "乙", HeldPatientStatus.ReRegistered, HeldPatientCategory.OutpatientAdvance, EndOf(2026, 12, 18));
        await Core.AddHeldAsync("REH-H02", "丙", HeldPatientStatus.Settled, HeldPatientCategory.InpatientSpanningOutage, EndOf(2026, 12, 18));
        await Core.AddHeldAsync("REH-H01", "丁", HeldPatientStatus.Closed, HeldPatientCategory.InpatientSpanningOutage, EndOf(2026, 11, 20));
        await Core.AddHeldAsync("REH-H01", "戊", HeldPatientStatus.Voided, HeldPatientCategory.OutpatientAdvance, EndOf(2026, 11, 20));
        await Core.AddHeldAsync("HEF-H01", "己", HeldPatientStatus.Logged, HeldPatientCategory.InpatientSpanningOutage, EndOf(2026, 11, 21));
        await Core.AddFormAsync("REH-H01", "庚", PaperFormStatus.Received, PaperFormKind.TransferReferral, EndOf(2026, 11, 20));
        await Core.AddFormAsync("REH-H02", "辛", PaperFormStatus.Received, PaperFormKind.RemoteCareFiling, EndOf(2026, 12, 18));
        await Core.AddFormAsync("REH-H01", "壬", PaperFormStatus.BackEntered, PaperFormKind.TransferReferral, EndOf(2026, 11, 20));
        await Core.AddFormAsync("HEF-W01", "癸", PaperFormStatus.Received, PaperFormKind.OfflineIntake, EndOf(2026, 12, 19));
    }

    private async Task<int> RegionId(string code)
    {
        await using var db = Core.CreateDb();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private async Task<CatchUpFilter> FilterAsync(string description)
    {
        var filter = new CatchUpFilter();
        foreach (var part in description.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part.Split('=')[0], part.Split('=').ElementAtOrDefault(1));
            filter = key switch
            {
                "region" => filter with { RegionId = await RegionId(value!) },
                "facility" => filter with { FacilityId = (await Core.Facility(value!)).Id },
                "category" => filter with { Category = Enum.Parse<HeldPatientCategory>(value!) },
                "kind" => filter with { FormKind = Enum.Parse<PaperFormKind>(value!) },
                "status" => filter with { HeldStatus = Enum.Parse<HeldPatientStatus>(value!) },
                "overdue" => filter with { OverdueOnly = true },
                "from" => filter with { DeadlineFrom = DateOnly.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) },
                "to" => filter with { DeadlineTo = DateOnly.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException(part),
            };
        }

        return filter;
    }

    private async Task<(string Held, string Forms)> ListAsync(AccessScope scope, CatchUpFilter filter)
    {
        var held = await Queries.PreviewHeldAsync(scope, filter, 0, 200);
        var forms = await Queries.PreviewFormsAsync(scope, filter, 0, 200);
        return (string.Concat(held.Select(r => r.PatientName).Order(StringComparer.Ordinal)),
            string.Concat(forms.Select(r => r.PatientName).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("", "丙乙己甲", "庚癸辛")]
    [InlineData("region=rehearsal", "丙乙甲", "庚辛")]
    [InlineData("region=hefei", "己", "癸")]
    [InlineData("facility=REH-H02", "丙", "辛")]
    [InlineData("category=OutpatientAdvance", "乙", "")]
    [InlineData("kind=TransferReferral", "", "庚")]
    [InlineData("kind=OfflineIntake", "", "癸")]
    [InlineData("status=Settled", "丙", "")]
    [InlineData("status=Closed", "", "")]
    [InlineData("overdue", "己甲", "庚")]
    [InlineData("from=2026-11-21", "丙乙己", "癸辛")]
    [InlineData("to=2026-11-20", "甲", "庚")]
    [InlineData("from=2026-12-18+to=2026-12-18", "丙乙", "辛")]
    [InlineData("region=rehearsal+overdue", "甲", "庚")]
    [InlineData("facility=REH-H01+category=InpatientSpanningOutage", "甲", "")]
    [InlineData("region=hefei+kind=OfflineIntake", "", "癸")]
    [InlineData("overdue+from=2026-11-21", "己", "")]
    [InlineData("region=rehearsal+status=ReRegistered+to=2026-12-18", "乙", "")]
    public async Task Each_filter_narrows_the_list_to_exactly_its_outstanding_records(string filter, string held, string forms)
    {
        await SeedAsync();

        var list = await ListAsync(await Core.ScopeOf("supervisor"), await FilterAsync(filter));

        Assert.Equal((held, forms), list);
    }

    [Fact]
    public async Task Outstanding_and_overdue_counts_follow_the_filter()
    {
        await SeedAsync();
        var supervisor = await Core.ScopeOf("supervisor");

        var all = await Queries.CountAsync(supervisor, new CatchUpFilter());
        var rehearsal = await Queries.CountAsync(supervisor, await FilterAsync("region=rehearsal"));
        var overdue = await Queries.CountAsync(supervisor, await FilterAsync("overdue"));

        Assert.Equal(new CatchUpCounts(HeldPatients: 4, HeldOverdue: 2, PaperForms: 3, FormsOverdue: 1), all);
        Assert.Equal(new CatchUpCounts(HeldPatients: 3, HeldOverdue: 1, PaperForms: 2, FormsOverdue: 1), rehearsal);
        Assert.Equal(new CatchUpCounts(HeldPatients: 2, HeldOverdue: 2, PaperForms: 1, FormsOverdue: 1), overdue);
    }

    [Theory]
    [InlineData("", "乙甲", "庚")]
    [InlineData("region=hefei", "", "")]
    [InlineData("facility=REH-H02", "", "")]
    [InlineData("facility=HEF-H01", "", "")]
    public async Task A_filter_never_reaches_past_the_desks_own_facility(string filter, string held, string forms)
    {
        await SeedAsync();

        var list = await ListAsync(await Core.ScopeOf("desk"), await FilterAsync(filter));

        Assert.Equal((held, forms), list);
    }

    [Fact]
    public async Task A_manager_filtering_a_region_outside_their_own_gets_nothing()
    {
        await SeedAsync();
        await Core.AddHeldAsync("ZHE-H01", "浙", HeldPatientStatus.Logged, deadlineUtc: EndOf(2026, 12, 18));

        var manager = await Core.ScopeOf("manager");

        Assert.Equal(("", ""), await ListAsync(manager, await FilterAsync("region=zhejiang")));
        Assert.Equal(("丙乙己甲", "庚癸辛"), await ListAsync(manager, new CatchUpFilter()));
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_rows_and_its_audit_names_the_filter()
    {
        await SeedAsync();
        var supervisor = await Core.ScopeOf("supervisor");
        var filter = await FilterAsync("region=rehearsal+overdue");
        using var stream = new MemoryStream();

        var outcome = await Core.Get<CatchUpExporter>().ExportAsync(supervisor, filter, ExportTexts.Chinese(), stream);

        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        Assert.Equal((1, 1), (outcome.HeldPatients, outcome.PaperForms));
        Assert.Equal(["甲"], NamesOn(workbook.Worksheet("在途患者")));
        Assert.Equal(["庚"], NamesOn(workbook.Worksheet("纸质单据")));
        Assert.Equal(2, workbook.Worksheet("汇总").RowsUsed().Count() - 1);
        await using var db = Core.CreateDb();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.Export);
        using var details = JsonDocument.Parse(audit.AfterJson!);
        Assert.True(details.RootElement.GetProperty("filter").GetProperty("OverdueOnly").GetBoolean());
        Assert.Equal(filter.RegionId, details.RootElement.GetProperty("filter").GetProperty("RegionId").GetInt32());
        Assert.Equal(1, details.RootElement.GetProperty("HeldPatients").GetInt32());
    }

    private static List<string> NamesOn(IXLWorksheet sheet)
    {
        var column = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "姓名").Address.ColumnNumber;
        return sheet.RowsUsed().Skip(1).Select(r => r.Cell(column).GetString()).ToList();
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class CatchUpFilterTestsOnPostgres() : CatchUpFilterTests(DatabaseProvider.PostgreSql);
