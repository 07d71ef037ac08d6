using Dashboard.Core.Persistence;
using System.IO.Compression;
using ClosedXML.Excel;
using Dashboard.CatchUp;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.CatchUp;
using Dashboard.Core.CatchUp.ReEntry;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Records;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// The re-entry round-trip: the catch-up list is exported, the clerks write the new platform's status
/// and number into it (here with ClosedXML, as Excel or WPS would save it), and it is read back: the
/// changes are previewed, then applied together and audited, or refused with the row and column named.
/// </summary>
public class ReEntryRoundTripTests : SeededCoreTests
{
    public ReEntryRoundTripTests()
    {
    }

    protected ReEntryRoundTripTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private readonly ReEntryWorkbook _workbook = new(TestLocalizer.Create());

    private async Task<(int First, int Second, int Form)> LogAsync(int start)
    {
        var desk = await Core.ScopeOf("desk");
        var service = Core.Get<HeldPatientService>();
        var first = await service.CreateAsync(desk, HeldPatientInputs.Spanning("回填甲", TestIds.Resident(start: start), invoices: null));
        var second = await service.CreateAsync(desk, HeldPatientInputs.Spanning("回填乙", TestIds.Resident(start: start + 10), invoices: null));
        var form = await Core.Get<PaperFormService>().CreateAsync(desk, new PaperFormInput
        {
            FacilityId = desk.FacilityId!.Value, Kind = PaperFormKind.TransferReferral, Subkind = PaperFormSubkind.InCity, SerialNumber = $"R{start}",
            PatientName = "回填单据", IdNumber = TestIds.Resident(start: start + 20), Destination = "省立医院", IssuedAt = "2026-11-21 10:00", IssuedBy = "张医生",
        });
        Assert.True(first.Succeeded && second.Succeeded && form.Succeeded);
        return (first.Value, second.Value, form.Value);
    }

    /// <summary>The manager's export, as the clerks receive it (the workbook keeps reading its stream, so that stays open).</summary>
    private async Task<XLWorkbook> ExportAsync(ExportText text)
    {
        var stream = new MemoryStream();
        var result = await Core.Get<CatchUpExporter>().ExportAsync(await Core.ScopeOf("manager"), new CatchUpFilter(), PersonalDataChoice.RoleDefault, text, stream);
        Assert.True(result.Succeeded);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    /// <summary>Writes a status and a number into the row of record <paramref name="id"/>, by the sheet's headers.</summary>
    private static void Fill(IXLWorksheet sheet, int id, string? status, string? number, string numberHeader, string idHeader = "记录编号", string statusHeader = "状态")
    {
        int Column(string header) => sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;
        var row = sheet.RowsUsed().Single(r => r.Cell(Column(idHeader)).GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status is not null)
        {
            row.Cell(Column(statusHeader)).Value = status;
        }

        if (number is not null)
        {
            row.Cell(Column(numberHeader)).Value = number;
        }
    }

    /// <summary>The workbook as the clerk saves it, read back (ClosedXML keeps the saved stream as its source, so it stays open).</summary>
    private ReEntryFile Read(XLWorkbook book)
    {
        var stream = new MemoryStream();
        book.SaveAs(stream);
        var read = _workbook.Read(stream);
        Assert.Null(read.Problem);
        return read.File!;
    }

    private static Task<int> StatusChangesAsync(Dashboard.Core.Persistence.DashboardDbContext db, string kind, int id) =>
        db.AuditEvents.CountAsync(a => a.Action == AuditActions.StatusChange && a.EntityType == kind && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<ReEntryPreview> PreviewAsync(AccessScope scope, ReEntryFile file) =>
        Core.Get<ReEntryResults>().PreviewAsync(scope, file, _workbook.HeldStatus, _workbook.FormStatus);

    [Fact]
    public async Task A_filled_in_list_is_previewed_then_applied_in_one_go_and_each_record_is_audited()
    {
        var (first, second, form) = await LogAsync(start: 600);
        using var book = await ExportAsync(ExportTexts.Chinese());
        Fill(book.Worksheet("在途患者"), first, "已补登记", "YB2026-0001", "新平台登记 / 结算号");
        Fill(book.Worksheet("纸质单据"), form, "已补录", "BA-77", "新平台备案 / 受理号");
        var manager = await Core.ScopeOf("manager");

        var preview = await PreviewAsync(manager, Read(book));

        Assert.Empty(preview.Problems);
        Assert.Equal([(first, "ReRegistered", "YB2026-0001"), (form, "BackEntered", "BA-77")], preview.Changes.Select(c => (c.Id, c.To, c.Number)));
        Assert.True(preview.Unchanged >= 1, "the untouched second patient is counted as unchanged");
        await using (var before = Core.CreateDb())
        {
            Assert.Equal(HeldPatientStatus.Logged, (await before.HeldPatients.SingleAsync(p => p.Id == first)).Status);
        }

        var applied = await Core.Get<ReEntryResults>().ApplyAsync(manager, preview);

        Assert.True(applied.Succeeded);
        await using var db = Core.CreateDb();
        var moved = await db.HeldPatients.SingleAsync(p => p.Id == first);
        Assert.Equal((HeldPatientStatus.ReRegistered, "YB2026-0001"), (moved.Status, moved.NewPlatformNumber));
        Assert.Equal(HeldPatientStatus.Logged, (await db.HeldPatients.SingleAsync(p => p.Id == second)).Status);
        var filed = await db.PaperForms.SingleAsync(f => f.Id == form);
        Assert.Equal((PaperFormStatus.BackEntered, "BA-77"), (filed.Status, filed.FilingNumber));
        Assert.Equal(1, await StatusChangesAsync(db, nameof(HeldPatient), first));
        Assert.Equal(1, await StatusChangesAsync(db, nameof(PaperForm), form));
        Assert.Equal(1, await Core.CountAudit(AuditActions.ReEntryApplied));

        // The same file again changes nothing: every row now matches its record.
        var again = await PreviewAsync(manager, Read(book));
        Assert.Empty(again.Changes);
        Assert.Empty(again.Problems);
    }

    [Fact]
    public async Task Rows_that_cannot_be_applied_name_their_row_column_and_reason_and_statuses_read_in_english_too()
    {
        var (first, second, form) = await LogAsync(start: 630);
        using var book = await ExportAsync(ExportTexts.English());
        var held = book.Worksheets.Single(s => s.Name.StartsWith("Held", StringComparison.Ordinal));
        var number = "New platform number";
        Fill(held, first, "Re-registered", null, number, "Record ID", "Status");
        Fill(held, second, "已办理", null, number, "Record ID", "Status");
        var extra = held.LastRowUsed().RowBelow();
        extra.Cell(held.Row(1).CellsUsed().Single(c => c.GetString() == "Record ID").Address.ColumnNumber).Value = 999_999;
        var forms = book.Worksheets.Single(s => s.Name.StartsWith("Paper", StringComparison.Ordinal));
        Fill(forms, form, null, "BA-78", "New platform filing number", "Record ID", "Status");

        var preview = await PreviewAsync(await Core.ScopeOf("manager"), Read(book));

        Assert.Empty(preview.Changes);
        var problems = preview.Problems.Select(p => (p.Kind, p.Column, p.Message.Key)).ToList();
        Assert.Contains((nameof(HeldPatient), ReEntryResults.NumberColumn, "Status_NumberRequired"), problems);
        Assert.Contains((nameof(HeldPatient), ReEntryResults.StatusColumn, ReEntryResults.UnknownStatus), problems);
        Assert.Contains((nameof(HeldPatient), ReEntryResults.IdColumn, ReEntryResults.NotFound), problems);
        Assert.Contains((nameof(PaperForm), ReEntryResults.StatusColumn, ReEntryResults.NumberWithoutStatus), problems);
        Assert.Equal(extra.RowNumber(), preview.Problems.Single(p => p.Message.Key == ReEntryResults.NotFound).Row);
        await using var db = Core.CreateDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.AuthorizationFailed && a.AfterJson!.Contains("999999")));
    }

    [Fact]
    public async Task A_record_changed_after_the_preview_refuses_the_whole_file_and_nothing_is_written()
    {
        var (first, second, _) = await LogAsync(start: 660);
        using var book = await ExportAsync(ExportTexts.Chinese());
        var sheet = book.Worksheet("在途患者");
        Fill(sheet, first, "已补登记", "YB-1", "新平台登记 / 结算号");
        Fill(sheet, second, "已补登记", "YB-2", "新平台登记 / 结算号");
        var manager = await Core.ScopeOf("manager");
        var preview = await PreviewAsync(manager, Read(book));
        Assert.Equal(2, preview.Changes.Count);

        // A desk registers the second patient on its page meanwhile.
        await using (var db = Core.CreateDb())
        {
            var version = (await db.HeldPatients.SingleAsync(p => p.Id == second)).Version;
            var moved = await Core.Get<HeldPatientService>().ChangeStatusAsync(await Core.ScopeOf("desk"), second, version, new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, "DESK-9"));
            Assert.True(moved.Succeeded);
        }

        var applied = await Core.Get<ReEntryResults>().ApplyAsync(manager, preview);

        Assert.Equal(CommandStatus.Invalid, applied.Status);
        Assert.Equal(ReEntryResults.ChangedSincePreview, applied.Errors.Values.Single().Single().Key);
        await using var after = Core.CreateDb();
        Assert.Equal(HeldPatientStatus.Logged, (await after.HeldPatients.SingleAsync(p => p.Id == first)).Status);
        Assert.Equal("DESK-9", (await after.HeldPatients.SingleAsync(p => p.Id == second)).NewPlatformNumber);
        Assert.Equal(0, await Core.CountAudit(AuditActions.ReEntryApplied));
    }

    [Fact]
    public async Task A_desk_cannot_move_records_of_another_facility_through_a_file()
    {
        var (first, _, _) = await LogAsync(start: 690);
        using var book = await ExportAsync(ExportTexts.Chinese());
        Fill(book.Worksheet("在途患者"), first, "已补登记", "YB-3", "新平台登记 / 结算号");
        var file = Read(book);
        var desk = await Core.ScopeOf("desk");
        var elsewhere = desk with { FacilityId = desk.FacilityId + 1000 };

        var preview = await PreviewAsync(elsewhere, file);

        Assert.Empty(preview.Changes);
        Assert.Equal(ReEntryResults.NotFound, preview.Problems.Single(p => p.Kind == nameof(HeldPatient) && p.Message.Args.Contains(first.ToString(System.Globalization.CultureInfo.InvariantCulture))).Message.Key);
    }

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "text", ReEntryWorkbook.NotWorkbook },
        { "zip bomb", ReEntryWorkbook.UnpacksTooLarge },
        { "no list sheet", ReEntryWorkbook.NoListSheet },
        { "formula", ReEntryWorkbook.Formula },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void A_file_that_is_not_a_filled_in_list_is_refused_with_its_reason(string kind, string problem)
    {
        using var stream = kind switch
        {
            "text" => new MemoryStream("记录编号,状态\n1,已补登记\n"u8.ToArray()),
            "zip bomb" => ZipBomb(),
            "no list sheet" => Saved(book => book.AddWorksheet("Sheet1").Cell(1, 1).Value = "姓名"),
            _ => Saved(book =>
            {
                var sheet = book.AddWorksheet("在途患者");
                sheet.Cell(1, 1).Value = "记录编号";
                sheet.Cell(1, 2).Value = "状态";
                sheet.Cell(1, 3).Value = "新平台登记 / 结算号";
                sheet.Cell(2, 1).Value = 1;
                sheet.Cell(2, 2).FormulaA1 = "HYPERLINK(\"http://example.com\",\"已补登记\")";
            }),
        };

        var read = _workbook.Read(stream);

        Assert.Null(read.File);
        Assert.Equal(problem, read.Problem);
        if (problem == ReEntryWorkbook.Formula)
        {
            Assert.Equal("在途患者!B2", read.Arguments.Single());
        }
    }

    private static MemoryStream Saved(Action<XLWorkbook> build)
    {
        using var book = new XLWorkbook();
        build(book);
        var stream = new MemoryStream();
        book.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A small zip whose one entry unpacks to more than the limit (zeros compress about a thousandfold).</summary>
    private static MemoryStream ZipBomb()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The parts that make a zip look like a workbook, so only the size gives it away.
            foreach (var part in new[] { "[Content_Types].xml", "xl/workbook.xml" })
            {
                using var small = zip.CreateEntry(part).Open();
                small.Write("<x/>"u8);
            }

            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < ReEntryWorkbook.MaxUnpackedBytes / zeros.Length + 1; i++)
            {
                entry.Write(zeros);
            }
        }

        stream.Position = 0;
        return stream;
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class ReEntryRoundTripTestsOnPostgres() : ReEntryRoundTripTests(DatabaseProvider.PostgreSql);
