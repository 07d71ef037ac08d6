using ClosedXML.Excel;
using Dashboard.Core.Import;
using Dashboard.Tests.EndToEnd.Pages;

namespace Dashboard.Tests.Import;

/// <summary>Workbooks as a clerk fills them: the app's template, rows typed under its headers (cells found by the header's text).</summary>
internal static class ImportWorkbooks
{
    /// <summary>The app's texts in Chinese (the user's language) and every UI language, as the import page builds them.</summary>
    public static ImportTexts Texts(string culture = Ui.Chinese) =>
        new(key => Ui.In(culture, key), [key => Ui.In(Ui.Chinese, key), key => Ui.In(Ui.English, key)]);

    public static XLWorkbook Template(ImportKind kind, string culture = Ui.Chinese)
    {
        var stream = new MemoryStream();
        ImportWorkbookWriter.Write(stream, kind, Texts(culture));
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    public static IXLWorksheet DataSheet(this XLWorkbook workbook, ImportKind kind, string culture = Ui.Chinese) =>
        workbook.Worksheet(Ui.In(culture, ImportColumns.SheetKey(kind)));

    /// <summary>Types a row under the headers: each value by its column's label key; a string stays text (a leading apostrophe-free text cell).</summary>
    public static void Fill(this IXLWorksheet sheet, int row, IReadOnlyDictionary<string, object?> values, string culture = Ui.Chinese)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        foreach (var (labelKey, value) in values)
        {
            var cell = sheet.Cell(row, Column(sheet, Ui.In(culture, labelKey)));
            switch (value)
            {
                case null:
                    break;
                case string text:
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                    break;
                default:
                    cell.SetValue(value);
                    break;
            }
        }
    }

    public static int Column(IXLWorksheet sheet, string header) =>
        sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;

    public static MemoryStream ToStream(this XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A held patient spanning the rehearsal's stop, valid at the seeded clock, as the template's columns take it.</summary>
    public static Dictionary<string, object?> HeldPatient(string name, string idNumber, object? admittedAt = null) => new()
    {
        ["HP_Category"] = Ui.Text("HPCategory_InpatientSpanningOutage"),
        ["HP_PatientName"] = name,
        ["HP_IdDocumentType"] = Ui.Text("IdDocumentType_ResidentId"),
        ["HP_IdNumber"] = idNumber,
        ["HP_InsuranceType"] = Ui.Text("InsuranceType_Employee"),
        ["HP_Phone"] = "13912345678",
        ["HP_Department"] = "内科",
        ["HP_AdmittedAt"] = admittedAt ?? "2026-11-20 09:30",
        ["HP_InvoiceNumbers"] = "INV-0001",
    };

    /// <summary>An in-city transfer form, signed and stamped, valid at the seeded clock, as the template's columns take it.</summary>
    public static Dictionary<string, object?> PaperForm(string serial, string name, string idNumber, string issuedAt = "2026-11-21 15:00") => new()
    {
        ["PF_Kind"] = Ui.Text("PFKind_TransferReferral"),
        ["PF_Subkind"] = Ui.Text("PFSubkind_InCity"),
        ["PF_Serial"] = serial,
        ["HP_PatientName"] = name,
        ["HP_IdDocumentType"] = Ui.Text("IdDocumentType_ResidentId"),
        ["HP_IdNumber"] = idNumber,
        ["PF_Destination"] = "演练市中医医院",
        ["PF_IssuedAt"] = issuedAt,
        ["PF_Signed"] = Ui.Text("Common_Yes"),
        ["PF_IssuedBy"] = "李医生",
    };
}
