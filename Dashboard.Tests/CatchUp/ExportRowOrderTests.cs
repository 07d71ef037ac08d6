using ClosedXML.Excel;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Records.Intake;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// The held-patient sheet, read back with ClosedXML: oldest first (ties by record), each row with its
/// own invoice numbers, although rows and invoice numbers are read by two queries and merged.
/// </summary>
public sealed class ExportRowOrderTests : SeededCoreTests
{
    private static HeldPatientInput Patient(string name, int idStart, string? invoices) => new()
    {
        Category = HeldPatientCategory.InpatientSpanningOutage, PatientName = name, IdNumber = TestIds.Resident(start: idStart),
        AdmittedAt = "2026-11-20 09:30", InvoiceNumbers = invoices,
    };

    [Fact]
    public async Task Rows_come_oldest_first_each_with_its_own_invoice_numbers()
    {
        var desk = await Core.ScopeOf("desk");
        var service = Core.Get<HeldPatientService>();
        Assert.True((await service.CreateAsync(desk, Patient("第三", 900, "C-1"))).Succeeded);
        Core.Clock.Advance(TimeSpan.FromMinutes(5));

        // Entered together by the bulk intake: the same entry time, so the order between them is the record's.
        var batch = await Core.Get<BulkIntake>().AddHeldPatientsAsync(desk,
        [
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Patient("第四", 901, "D-1 D-2 D-3")),
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Patient("第五", 902, null)),
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Patient("第六", 903, "F-1")),
        ]);
        Assert.Equal(3, batch.Written);
        Core.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await service.CreateAsync(desk, Patient("第七", 904, "G-1,G-2"))).Succeeded);

        var stream = new MemoryStream();
        await Core.Get<CatchUpExporter>().ExportAsync(desk, new CatchUpFilter(), ExportTexts.Chinese(), stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);

        var sheet = workbook.Worksheet("在途患者");
        var header = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var rows = sheet.RowsUsed().Skip(1).Select(r => (Name: r.Cell(header["姓名"]).GetString(), Invoices: r.Cell(header["发票号"]).GetString())).ToList();
        Assert.Equal(
            [("第三", "C-1"), ("第四", "D-1,D-2,D-3"), ("第五", ""), ("第六", "F-1"), ("第七", "G-1,G-2")],
            rows);
    }
}
