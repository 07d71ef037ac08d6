using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Core.Records.Intake;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Records;

/// <summary>
/// The bulk intake holds every row to what the entry forms hold it to, on a seeded database whose
/// clock is 2026-11-22 04:00 UTC (the rehearsal stops on 2026-11-24 12:00 local, so held patients are
/// logged as spanning the stop). Batches are small: what is tested is the rule, not the speed.
/// </summary>
public sealed class BulkIntakeTests : SeededCoreTests
{
    private BulkIntake Intake => Core.Get<BulkIntake>();

    /// <summary>The desk's entry with the department a bulk row carries.</summary>
    private static HeldPatientInput Spanning(string name, string? id = null, string? invoices = "INV-0001")
    {
        var input = HeldPatientInputs.Spanning(name, id, invoices);
        input.Department = "内科";
        return input;
    }

    private async Task<HeldPatientIntakeRow> AtDesk(HeldPatientInput input) => new((await Core.ScopeOf("desk")).FacilityId!.Value, input);

    private Task<PaperFormInput> TransferAsync(string serial, string facilityCode = "REH-H01", int? heldPatientId = null) =>
        Core.TransferAsync(serial, facilityCode, heldPatientId);

    [Fact]
    public async Task A_batch_writes_each_valid_row_as_the_form_would_store_it_with_an_audit_event_each()
    {
        var desk = await Core.ScopeOf("desk");
        var input = Spanning("王芳", invoices: "INV-0001, INV-0002");

        var result = await Intake.AddHeldPatientsAsync(desk, [await AtDesk(input), await AtDesk(Spanning("李四", TestIds.Resident(start: 10)))]);

        Assert.Empty(result.Refused);
        Assert.Equal(2, result.Written);
        var bulkId = result.Ids[0]!.Value;
        var formId = (await Core.Get<HeldPatientService>().CreateAsync(desk, input)).Value;

        // Every stored column but the key is what the form's save stores for the same input, text for text.
        var bulkRow = await RawRowAsync("HeldPatients", bulkId);
        var formRow = await RawRowAsync("HeldPatients", formId);
        Assert.Equal(formRow.Where(c => c.Key != "Id"), bulkRow.Where(c => c.Key != "Id"));
        Assert.Equal(
            (await RawRowsAsync("SELECT Number FROM HeldPatientInvoice WHERE HeldPatientId = " + formId)).Order(),
            (await RawRowsAsync("SELECT Number FROM HeldPatientInvoice WHERE HeldPatientId = " + bulkId)).Order());
        foreach (var id in result.Ids)
        {
            Assert.Equal(1, await Core.CountAudit(AuditActions.Create, id!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        await using var db = Core.CreateDb();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.Create && a.EntityId == bulkId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("desk", nameof(HeldPatient), "203.0.113.7"), (audit.UserName, audit.EntityType, audit.ClientAddress));
        Assert.Contains("340104********", audit.AfterJson, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<HeldPatientInput>> BadHeldPatients => new()
    {
        { "no name", i => i.PatientName = " " },
        { "name over 50", i => i.PatientName = new string('王', 51) },
        { "wrong check character", i => i.IdNumber = TestIds.Resident()[..17] + (TestIds.Resident()[17] == '0' ? '1' : '0') },
        { "17 digits", i => i.IdNumber = TestIds.Resident()[..17] },
        { "no ID number", i => i.IdNumber = "" },
        { "bad phone", i => i.Phone = "12345" },
        { "admitted after the stop", i => i.AdmittedAt = "2026-11-25 08:00" },
        { "admitted in the future", i => i.AdmittedAt = "2026-12-20 08:00" },
        { "not a time", i => i.AdmittedAt = "yesterday" },
        { "negative amount", i => i.Amount = "-3" },
        { "three decimals", i => i.Amount = "1.005" },
        { "bad invoice", i => i.InvoiceNumbers = "INV 0001 ###" },
        { "notes over 1000", i => i.Notes = new string('x', 1001) },
        { "outpatient without a visit", i => (i.Category, i.AdmittedAt) = (HeldPatientCategory.OutpatientAdvance, null) },
    };

    [Theory]
    [MemberData(nameof(BadHeldPatients))]
    public async Task A_bad_held_patient_is_refused_with_the_message_the_form_gives_and_the_rest_is_written(string why, Action<HeldPatientInput> spoil)
    {
        ArgumentNullException.ThrowIfNull(spoil);
        var desk = await Core.ScopeOf("desk");
        var bad = Spanning("坏行 " + why);
        spoil(bad);
        var form = await Core.Get<HeldPatientService>().CreateAsync(desk, bad);

        var result = await Intake.AddHeldPatientsAsync(desk, [await AtDesk(Spanning("好行", TestIds.Resident(start: 20))), await AtDesk(bad)]);

        Assert.Equal(CommandStatus.Invalid, form.Result.Status);
        var refused = Assert.Single(result.Refused);
        Assert.Equal(1, refused.Row);
        Assert.Equal(form.Result.Errors.OrderBy(e => e.Key), refused.Errors.OrderBy(e => e.Key));
        Assert.NotNull(result.Ids[0]);
        Assert.Null(result.Ids[1]);
        await using var db = Core.CreateDb();
        Assert.Equal(1, await db.HeldPatients.CountAsync());
    }

    [Fact]
    public async Task Paper_forms_take_the_same_path_with_the_forms_rules_and_its_unique_numbers()
    {
        var desk = await Core.ScopeOf("desk");
        var existing = (await Core.Get<PaperFormService>().CreateAsync(desk, await TransferAsync("0012"))).Value;
        var noSerial = await TransferAsync("");
        var formSaysOfNoSerial = await Core.Get<PaperFormService>().CreateAsync(desk, noSerial);
        var linkedElsewhere = await TransferAsync("0016", heldPatientId: 999_999);

        var result = await Intake.AddPaperFormsAsync(desk,
            [await TransferAsync("0013"), await TransferAsync("0012"), noSerial, await TransferAsync("0013"), linkedElsewhere, await TransferAsync("0014", "REH-H02")]);

        Assert.Equal(new[] { 0 }, result.Ids.Select((id, row) => (id, row)).Where(r => r.id is not null).Select(r => r.row));
        var errors = result.Refused.ToDictionary(r => r.Row, r => r.Errors);
        var taken = errors[1][nameof(PaperFormInput.SerialNumber)].Single();
        Assert.Equal((PaperFormService.SerialTaken, "0012", existing.ToString(CultureInfo.InvariantCulture)), (taken.Key, taken.Args[0], taken.Args[^1]));
        Assert.Equal(formSaysOfNoSerial.Result.Errors.OrderBy(e => e.Key), errors[2].OrderBy(e => e.Key));
        var sameBatch = errors[3][nameof(PaperFormInput.SerialNumber)].Single();
        Assert.Equal((PaperFormService.SerialTaken, result.Ids[0]!.Value.ToString(CultureInfo.InvariantCulture)), (sameBatch.Key, sameBatch.Args[^1]));
        Assert.Equal([new Message(PaperFormService.HeldPatientNotFound)], errors[4][nameof(PaperFormInput.HeldPatientId)]);
        Assert.Equal([new Message(BulkIntake.FacilityNotAllowed, (await Core.Facility("REH-H02")).Id.ToString(CultureInfo.InvariantCulture))], errors[5][nameof(PaperFormInput.FacilityId)]);
        await using var db = Core.CreateDb();
        Assert.Equal(new[] { "0012", "0013" }, (await db.PaperForms.Select(f => f.SerialNumber).ToListAsync()).Order());
    }

    [Fact]
    public async Task Rows_outside_the_callers_scope_are_refused_unwritten_and_the_attempt_is_audited()
    {
        var desk = await Core.ScopeOf("desk");
        var supervisor = await Core.ScopeOf("supervisor");
        var otherHospital = (await Core.Facility("REH-H02")).Id;
        var window = await Core.Facility("REH-W01");
        var offlineIntake = await TransferAsync("0100");
        offlineIntake.Kind = PaperFormKind.OfflineIntake;
        offlineIntake.Subkind = PaperFormKind.OfflineIntake.Subkinds()[0];
        var atWindow = await TransferAsync("0101", "REH-W01");
        atWindow.Kind = PaperFormKind.OfflineIntake;
        atWindow.Subkind = PaperFormKind.OfflineIntake.Subkinds()[0];

        var deskHeld = await Intake.AddHeldPatientsAsync(desk, [new HeldPatientIntakeRow(otherHospital, Spanning("别院患者"))]);
        var supervisorHeld = await Intake.AddHeldPatientsAsync(supervisor, [new HeldPatientIntakeRow(window.Id, Spanning("督导患者"))]);
        var deskOffline = await Intake.AddPaperFormsAsync(desk, [offlineIntake]);
        var supervisorWindow = await Intake.AddPaperFormsAsync(supervisor, [atWindow]);

        Assert.Equal(BulkIntake.FacilityNotAllowed, Assert.Single(deskHeld.Refused).Errors[nameof(HeldPatientIntakeRow.FacilityId)].Single().Key);
        Assert.Equal(BulkIntake.FacilityNotAllowed, Assert.Single(supervisorHeld.Refused).Errors[nameof(HeldPatientIntakeRow.FacilityId)].Single().Key);
        Assert.Equal(PaperFormService.PlaceNotAllowed, Assert.Single(deskOffline.Refused).Errors[nameof(PaperFormInput.Kind)].Single().Key);
        Assert.Equal(1, supervisorWindow.Written);
        await using var db = Core.CreateDb();
        Assert.Equal(0, await db.HeldPatients.CountAsync());
        Assert.Equal(new[] { "0101" }, await db.PaperForms.Select(f => f.SerialNumber).ToListAsync());
        Assert.Equal(3, await Core.CountAudit(AuditActions.AuthorizationFailed, "bulk"));
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_commits_nothing_audits_nothing_and_tells_no_board()
    {
        var desk = await Core.ScopeOf("desk");
        var rows = new List<HeldPatientIntakeRow>();
        for (var i = 0; i < PreparedRows.RowsPerStatement + 8; i++)
        {
            rows.Add(await AtDesk(Spanning(i == PreparedRows.RowsPerStatement + 3 ? "故障" : "患者" + i, TestIds.Resident(start: 100 + i))));
        }

        // A fault in the database itself, after the first statement's rows are in.
        await using (var connection = new SqliteConnection(Core.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER InjectedFault BEFORE INSERT ON HeldPatients WHEN NEW.PatientName = '故障' BEGIN SELECT RAISE(ABORT, 'injected fault'); END;";
            await command.ExecuteNonQueryAsync();
        }

        var published = new List<int>();
        using var subscription = Core.Get<RegionActivity>().Subscribe(published.Add);
        var auditBefore = await Core.CountAudit(AuditActions.Create);

        var failure = await Assert.ThrowsAsync<SqliteException>(() => Intake.AddHeldPatientsAsync(desk, rows));

        Assert.Contains("injected fault", failure.Message, StringComparison.Ordinal);
        await using var db = Core.CreateDb();
        Assert.Equal(0, await db.HeldPatients.CountAsync());
        Assert.Equal(0, await db.Set<HeldPatientInvoice>().CountAsync());
        Assert.Equal(auditBefore, await Core.CountAudit(AuditActions.Create));
        Assert.Empty(published);
    }

    [Fact]
    public async Task The_same_batch_taken_twice_adds_no_duplicates_and_a_repeat_within_a_batch_is_refused()
    {
        var desk = await Core.ScopeOf("desk");
        var someone = TestIds.Resident(start: 30);
        List<HeldPatientIntakeRow> batch = [await AtDesk(Spanning("张三", someone)), await AtDesk(Spanning("李四", TestIds.Resident(start: 31))), await AtDesk(Spanning("张三", someone))];
        List<PaperFormInput> forms = [await TransferAsync("0200"), await TransferAsync("0201")];

        var first = await Intake.AddHeldPatientsAsync(desk, batch);
        var again = await Intake.AddHeldPatientsAsync(desk, batch);
        var firstForms = await Intake.AddPaperFormsAsync(desk, forms);
        var formsAgain = await Intake.AddPaperFormsAsync(desk, forms);

        Assert.Equal(2, first.Written);
        var repeat = Assert.Single(first.Refused);
        Assert.Equal(2, repeat.Row);
        var message = repeat.Errors[nameof(HeldPatientInput.IdNumber)].Single();
        Assert.Equal((HeldPatientIntake.Duplicate, first.Ids[0]!.Value.ToString(CultureInfo.InvariantCulture), "演练市第一人民医院", "2026-11-22 12:00"),
            (message.Key, message.Args[0], message.Args[1], message.Args[2]));
        Assert.Equal(0, again.Written);
        Assert.Equal(new[] { 0, 1, 2 }, again.Refused.Select(r => r.Row));
        Assert.Equal((2, 0), (firstForms.Written, formsAgain.Written));
        await using var db = Core.CreateDb();
        Assert.Equal(2, await db.HeldPatients.CountAsync());
        Assert.Equal(2, await db.PaperForms.CountAsync());
    }

    [Fact]
    public async Task A_batch_tells_each_affected_regions_boards_once()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var rehearsal = await Core.Facility("REH-H01");
        var hefei = await Core.Facility("HEF-H01");
        var hefeiInput = Spanning("合肥患者", TestIds.Resident(start: 50));
        hefeiInput.AdmittedAt = "2021-11-29 09:30";
        var rows = new List<HeldPatientIntakeRow>();
        for (var i = 0; i < 5; i++)
        {
            rows.Add(new HeldPatientIntakeRow(rehearsal.Id, Spanning("演练" + i, TestIds.Resident(start: 60 + i))));
        }

        rows.Add(new HeldPatientIntakeRow(hefei.Id, hefeiInput));
        var published = new List<int>();
        using var subscription = Core.Get<RegionActivity>().Subscribe(published.Add);

        var result = await Intake.AddHeldPatientsAsync(admin, rows);

        Assert.True(result.Refused.Count == 0, string.Join("; ", result.Refused.SelectMany(r => r.Errors.Values.SelectMany(m => m))));
        Assert.Equal(new[] { rehearsal.RegionId, hefei.RegionId }.Order(), published.Order());
    }

    /// <summary>A row as SQLite stores it: each column's value as text (or hex for a blob), so formats are compared too.</summary>
    private async Task<Dictionary<string, string?>> RawRowAsync(string table, int id)
    {
        await using var connection = new SqliteConnection(Core.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE Id = {id}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null
            : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i).GetType().Name + ":" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
    }

    private async Task<List<string>> RawRowsAsync(string sql)
    {
        await using var connection = new SqliteConnection(Core.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
