using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Records;

namespace Dashboard.Api.His;

/// <summary>A held patient as the API returns it: ID number and phone masked, as the desk's list shows them (ADR 0011).</summary>
public sealed record HeldPatientResource(
    int Id, int FacilityId, HeldPatientCategory Category, string PatientName, IdDocumentType IdDocumentType, string MaskedIdNumber,
    InsuranceType InsuranceType, string? MaskedPhone, DateTime? AdmittedUtc, DateTime? DischargedUtc, DateTime? VisitUtc, string? Department,
    decimal? AmountAdvanced, IReadOnlyList<string> InvoiceNumbers, string? Notes, HeldPatientStatus Status, string? NewPlatformNumber,
    string? VoidReason, DateTime? DeadlineUtc, bool IsOverdue, DateTime EnteredUtc, DateTime UpdatedUtc)
{
    public static HeldPatientResource Of(HeldPatientDetails p) => new(
        p.Id, p.FacilityId, p.Category, p.PatientName, p.IdDocumentType, p.MaskedIdNumber, p.InsuranceType, p.MaskedPhone, p.AdmittedUtc,
        p.DischargedUtc, p.VisitUtc, p.Department, p.AmountAdvanced, p.InvoiceNumbers, p.Notes, p.Status, p.NewPlatformNumber, p.VoidReason,
        p.DeadlineUtc, p.IsOverdue, p.EnteredUtc, p.UpdatedUtc);
}

/// <summary>A held patient in a list page.</summary>
public sealed record HeldPatientListItem(
    int Id, HeldPatientCategory Category, string PatientName, string MaskedIdNumber, HeldPatientStatus Status, DateTime EnteredUtc,
    DateTime? StartUtc, DateTime? DeadlineUtc, bool IsOverdue, decimal? AmountAdvanced)
{
    public static HeldPatientListItem Of(HeldPatientRow p) =>
        new(p.Id, p.Category, p.PatientName, p.MaskedIdNumber, p.Status, p.EnteredUtc, p.StartUtc, p.DeadlineUtc, p.IsOverdue, p.AmountAdvanced);
}

/// <summary>A paper form as the API returns it: the ID number masked.</summary>
public sealed record PaperFormResource(
    int Id, int FacilityId, PaperFormKind Kind, PaperFormSubkind Subkind, string SerialNumber, string PatientName, IdDocumentType IdDocumentType,
    string MaskedIdNumber, string? FromPlace, string? Destination, DateTime IssuedUtc, string? Reason, bool SignedAndStamped, string IssuedBy,
    int? HeldPatientId, PaperFormStatus Status, string? FilingNumber, string? StatusReason, DateTime? DeadlineUtc, bool IsOverdue, DateTime EnteredUtc)
{
    public static PaperFormResource Of(PaperFormDetails f) => new(
        f.Id, f.FacilityId, f.Kind, f.Subkind, f.SerialNumber, f.PatientName, f.IdDocumentType, f.MaskedIdNumber, f.FromPlace, f.Destination,
        f.IssuedUtc, f.Reason, f.SignedAndStamped, f.IssuedBy, f.HeldPatientId, f.Status, f.FilingNumber, f.StatusReason, f.DeadlineUtc, f.IsOverdue,
        f.EnteredUtc);
}

/// <summary>A paper form in a list page.</summary>
public sealed record PaperFormListItem(
    int Id, PaperFormKind Kind, PaperFormSubkind Subkind, string SerialNumber, string PatientName, string MaskedIdNumber, string? Destination,
    DateTime IssuedUtc, PaperFormStatus Status, DateTime? DeadlineUtc, bool IsOverdue)
{
    public static PaperFormListItem Of(PaperFormRow f) =>
        new(f.Id, f.Kind, f.Subkind, f.SerialNumber, f.PatientName, f.MaskedIdNumber, f.Destination, f.IssuedUtc, f.Status, f.DeadlineUtc, f.IsOverdue);
}

/// <summary>One page of a list, newest first.</summary>
public sealed record ResourcePage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>A batch to create: one transaction of the bulk intake.</summary>
public sealed record BatchRequest<T>(IReadOnlyList<T>? Rows);

/// <summary>The new record's id.</summary>
public sealed record CreatedResource(int Id);

/// <summary>A row the API refused: its position in the batch (from 0) and the form's messages per field.</summary>
public sealed record RowErrors(int Row, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>What a batch did: each row's new id in order (null where refused) and the refused rows' reasons.</summary>
public sealed record BatchResult(IReadOnlyList<int?> Ids, int Created, IReadOnlyList<RowErrors> Refused);
