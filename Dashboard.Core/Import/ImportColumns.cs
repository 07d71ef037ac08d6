using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.Import;

/// <summary>The two kinds of record a workbook can bring in.</summary>
public enum ImportKind
{
    HeldPatients,
    PaperForms,
}

/// <summary>How a cell is read: as typed text, as a local time (text, an Excel date or a serial number), or one of a list.</summary>
public enum ImportCellKind
{
    Text,
    Time,
    Choice,
}

/// <summary>
/// One column of an import template: the input field it fills, the form's label (a resource key) as
/// its header, its width, and for a list the values with their labels' resource keys.
/// </summary>
public sealed record ImportColumn(string Field, string LabelKey, ImportCellKind Kind, double Width, IReadOnlyList<ImportChoice> Choices)
{
    public static ImportColumn Text(string field, string labelKey, double width = 16) => new(field, labelKey, ImportCellKind.Text, width, []);

    public static ImportColumn Time(string field, string labelKey) => new(field, labelKey, ImportCellKind.Time, 18, []);

    public static ImportColumn Choice<TEnum>(string field, string labelKey, string choicePrefix)
        where TEnum : struct, Enum =>
        new(field, labelKey, ImportCellKind.Choice, 22, Enum.GetValues<TEnum>().Select(v => new ImportChoice(v.ToString(), choicePrefix + v)).ToList());
}

/// <summary>A value of a list column: the enum member's name and the resource key of its label.</summary>
public sealed record ImportChoice(string Value, string LabelKey);

/// <summary>The columns of each kind's template, in the order of its entry form.</summary>
public static class ImportColumns
{
    /// <summary>The yes/no list of the signed-and-stamped column.</summary>
    public static readonly IReadOnlyList<ImportChoice> YesNo = [new("true", "Common_Yes"), new("false", "Common_No")];

    public static IReadOnlyList<ImportColumn> HeldPatients { get; } =
    [
        ImportColumn.Choice<HeldPatientCategory>(nameof(HeldPatientInput.Category), "HP_Category", "HPCategory_"),
        ImportColumn.Text(nameof(HeldPatientInput.PatientName), "HP_PatientName"),
        ImportColumn.Choice<IdDocumentType>(nameof(HeldPatientInput.IdDocumentType), "HP_IdDocumentType", "IdDocumentType_"),
        ImportColumn.Text(nameof(HeldPatientInput.IdNumber), "HP_IdNumber", 22),
        ImportColumn.Choice<InsuranceType>(nameof(HeldPatientInput.InsuranceType), "HP_InsuranceType", "InsuranceType_"),
        ImportColumn.Text(nameof(HeldPatientInput.Phone), "HP_Phone"),
        ImportColumn.Text(nameof(HeldPatientInput.Department), "HP_Department"),
        ImportColumn.Time(nameof(HeldPatientInput.AdmittedAt), "HP_AdmittedAt"),
        ImportColumn.Time(nameof(HeldPatientInput.DischargedAt), "HP_DischargedAt"),
        ImportColumn.Time(nameof(HeldPatientInput.VisitAt), "HP_VisitAt"),
        ImportColumn.Text(nameof(HeldPatientInput.Amount), "HP_Amount", 12),
        ImportColumn.Text(nameof(HeldPatientInput.InvoiceNumbers), "HP_InvoiceNumbers", 24),
        ImportColumn.Text(nameof(HeldPatientInput.Notes), "HP_Notes", 30),
    ];

    public static IReadOnlyList<ImportColumn> PaperForms { get; } =
    [
        ImportColumn.Choice<PaperFormKind>(nameof(PaperFormInput.Kind), "PF_Kind", "PFKind_"),
        ImportColumn.Choice<PaperFormSubkind>(nameof(PaperFormInput.Subkind), "PF_Subkind", "PFSubkind_"),
        ImportColumn.Text(nameof(PaperFormInput.SerialNumber), "PF_Serial"),
        ImportColumn.Text(nameof(PaperFormInput.PatientName), "HP_PatientName"),
        ImportColumn.Choice<IdDocumentType>(nameof(PaperFormInput.IdDocumentType), "HP_IdDocumentType", "IdDocumentType_"),
        ImportColumn.Text(nameof(PaperFormInput.IdNumber), "HP_IdNumber", 22),
        ImportColumn.Text(nameof(PaperFormInput.FromPlace), "PF_FromPlace", 20),
        ImportColumn.Text(nameof(PaperFormInput.Destination), "PF_Destination", 20),
        ImportColumn.Time(nameof(PaperFormInput.IssuedAt), "PF_IssuedAt"),
        ImportColumn.Text(nameof(PaperFormInput.Reason), "PF_Reason", 30),
        new(nameof(PaperFormInput.SignedAndStamped), "PF_Signed", ImportCellKind.Choice, 12, YesNo),
        ImportColumn.Text(nameof(PaperFormInput.IssuedBy), "PF_IssuedBy"),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind == ImportKind.HeldPatients ? HeldPatients : PaperForms;

    /// <summary>The resource key of a kind's data sheet name (also its page title's noun).</summary>
    public static string SheetKey(ImportKind kind) => kind == ImportKind.HeldPatients ? "Import_SheetHeldPatients" : "Import_SheetPaperForms";
}

/// <summary>
/// The app's texts for a workbook: <see cref="Text"/> in the user's language (headers, lists, messages
/// written), <see cref="Languages"/> every UI language, since a template downloaded in one may be
/// uploaded in the other.
/// </summary>
public sealed record ImportTexts(Func<string, string> Text, IReadOnlyList<Func<string, string>> Languages)
{
    /// <summary>Every text a key has in any UI language.</summary>
    public IEnumerable<string> AllOf(string key) => Languages.Select(l => l(key)).Append(Text(key)).Distinct(StringComparer.Ordinal);
}
