using Dashboard.Core.Access;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.HeldPatients;

/// <summary>
/// Lists sort the way a Chinese clerk reads them: names by pinyin, statuses along the workflow,
/// categories as declared. On a seeded SQLite file at the rehearsal's first start (2026-11-22 04:00 UTC).
/// </summary>
public class ListOrderTests : SeededCoreTests
{
    public ListOrderTests()
    {
    }

    protected ListOrderTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private static readonly string[] PinyinOrder = ["阿明", "李四", "王五", "张三"];

    private HeldPatientService Service => Core.Get<HeldPatientService>();

    private HeldPatientQueries Queries => Core.Get<HeldPatientQueries>();

    private Task<AccessScope> Desk() => Core.ScopeOf(DemoAccounts.Desk.UserName);

    private async Task<int> LogAsync(string name, HeldPatientCategory category = HeldPatientCategory.InpatientSpanningOutage, int idStart = 600)
    {
        var input = new HeldPatientInput { Category = category, PatientName = name, IdNumber = TestIds.Resident(start: idStart) };
        switch (category)
        {
            case HeldPatientCategory.InpatientAdmittedDuringOutage:
                input.AdmittedAt = "2026-11-24 20:00";
                break;
            case HeldPatientCategory.OutpatientAdvance:
                input.VisitAt = "2026-11-24 20:00";
                input.Amount = "120.00";
                break;
            default:
                input.AdmittedAt = "2026-11-20 09:30";
                break;
        }

        var result = await Service.CreateAsync(await Desk(), input);
        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
        return result.Value;
    }

    private async Task<List<string>> NamesAsync(HeldPatientSortColumn column, bool descending) =>
        (await Queries.SearchAsync(await Desk(), new HeldPatientFilter(SortBy: column, Descending: descending), 0, 50)).Items.Select(r => r.PatientName).ToList();

    private async Task ChangeAsync(int id, StatusChange<HeldPatientStatus> change)
    {
        var version = (await Queries.GetAsync(await Desk(), id))!.Version;
        var result = await Service.ChangeStatusAsync(await Desk(), id, version, change);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task Held_patient_names_sort_by_pinyin_both_ways()
    {
        foreach (var (name, i) in new[] { "张三", "李四", "王五", "阿明" }.Select((n, i) => (n, i)))
        {
            await LogAsync(name, idStart: 600 + i);
        }

        Assert.Equal(PinyinOrder, await NamesAsync(HeldPatientSortColumn.PatientName, descending: false));
        Assert.Equal(PinyinOrder.Reverse(), await NamesAsync(HeldPatientSortColumn.PatientName, descending: true));
    }

    [Fact]
    public async Task Held_patient_statuses_sort_along_the_workflow()
    {
        var closed = await LogAsync("结案", idStart: 610);
        var voided = await LogAsync("作废", idStart: 611);
        var settled = await LogAsync("结算", idStart: 612);
        var reRegistered = await LogAsync("补登", idStart: 613);
        await LogAsync("登记", idStart: 614);
        foreach (var id in new[] { closed, settled, reRegistered })
        {
            await ChangeAsync(id, new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, Number: "NP-" + id));
        }

        foreach (var id in new[] { closed, settled })
        {
            await ChangeAsync(id, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Settled));
        }

        await ChangeAsync(closed, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Closed));
        await ChangeAsync(voided, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided, Reason: "重复登记"));

        string[] workflow = ["登记", "补登", "结算", "结案", "作废"];
        Assert.Equal(workflow, await NamesAsync(HeldPatientSortColumn.Status, descending: false));
        Assert.Equal(workflow.Reverse(), await NamesAsync(HeldPatientSortColumn.Status, descending: true));
    }

    [Fact]
    public async Task Held_patient_categories_sort_in_their_declared_order()
    {
        // After the rehearsal's stop (2026-11-24 12:00 local), so outage categories can be logged.
        Core.Clock.Advance(TimeSpan.FromDays(3));
        await LogAsync("生育", HeldPatientCategory.MaternityOrSingleDisease, idStart: 620);
        await LogAsync("门诊", HeldPatientCategory.OutpatientAdvance, idStart: 621);
        await LogAsync("停机入院", HeldPatientCategory.InpatientAdmittedDuringOutage, idStart: 622);
        await LogAsync("跨停机", HeldPatientCategory.InpatientSpanningOutage, idStart: 623);

        Assert.Equal(["跨停机", "停机入院", "门诊", "生育"], await NamesAsync(HeldPatientSortColumn.Category, descending: false));
    }

    [Fact]
    public async Task Paper_form_names_sort_by_pinyin_and_statuses_along_the_workflow()
    {
        var forms = Core.Get<PaperFormService>();
        var desk = await Desk();
        var facilityId = (await Core.Facility("REH-H01")).Id;
        var ids = new Dictionary<string, int>();
        foreach (var (name, i) in new[] { "张三", "李四", "王五", "阿明" }.Select((n, i) => (n, i)))
        {
            var result = await forms.CreateAsync(desk, new PaperFormInput
            {
                FacilityId = facilityId, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity, SerialNumber = $"07{i:00}",
                PatientName = name, IdNumber = TestIds.Resident(start: 630 + i), Destination = "演练市中医医院", IssuedAt = "2026-11-21 15:00", IssuedBy = "李医生",
            });
            Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
            ids[name] = result.Value;
        }

        // Received → BackEntered → Rejected → Voided: 张三 received, 李四 back-entered, 王五 rejected, 阿明 voided.
        var queries = Core.Get<PaperFormQueries>();
        async Task ChangeFormAsync(string name, StatusChange<PaperFormStatus> change)
        {
            var version = (await queries.GetAsync(desk, ids[name]))!.Version;
            Assert.True((await forms.ChangeStatusAsync(desk, ids[name], version, change)).Succeeded);
        }

        await ChangeFormAsync("李四", new StatusChange<PaperFormStatus>(PaperFormStatus.BackEntered, Number: "BA-1"));
        await ChangeFormAsync("王五", new StatusChange<PaperFormStatus>(PaperFormStatus.Rejected, Reason: "信息不全"));
        await ChangeFormAsync("阿明", new StatusChange<PaperFormStatus>(PaperFormStatus.Voided, Reason: "填错"));

        async Task<List<string>> Sorted(PaperFormSortColumn column) =>
            (await queries.SearchAsync(desk, new PaperFormFilter(SortBy: column, Descending: false), 0, 50)).Items.Select(r => r.PatientName).ToList();
        Assert.Equal(PinyinOrder, await Sorted(PaperFormSortColumn.PatientName));
        Assert.Equal(["张三", "李四", "王五", "阿明"], await Sorted(PaperFormSortColumn.Status));
    }

    [Fact]
    public async Task Records_saved_before_sort_keys_existed_get_them_at_start_up()
    {
        foreach (var (name, i) in new[] { "张三", "李四", "王五", "阿明" }.Select((n, i) => (n, i)))
        {
            await LogAsync(name, idStart: 640 + i);
        }

        Dictionary<int, long> versions;
        await using (var db = Core.CreateDb())
        {
            await db.HeldPatients.ExecuteUpdateAsync(s => s.SetProperty(p => p.PatientNameSortKey, (byte[]?)null));
            versions = await db.HeldPatients.ToDictionaryAsync(p => p.Id, p => p.Version);
        }

        await Core.Get<DatabaseInitializer>().InitializeAsync();

        await using (var db = Core.CreateDb())
        {
            var rows = await db.HeldPatients.AsNoTracking().ToListAsync();
            Assert.All(rows, r => Assert.Equal(PatientNameCollation.SortKey(r.PatientName), r.PatientNameSortKey));

            // Filling a derived key is not an edit: nobody's open form gets a conflict from it.
            Assert.All(rows, r => Assert.Equal(versions[r.Id], r.Version));
        }

        Assert.Equal(PinyinOrder, await NamesAsync(HeldPatientSortColumn.PatientName, descending: false));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class ListOrderTestsOnPostgres() : ListOrderTests(DatabaseProvider.PostgreSql);
