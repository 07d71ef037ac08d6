using Dashboard.Core.HeldPatients;

namespace Dashboard.Core.PaperForms;

/// <summary>What is copied from a paper form, as typed (the time as local text).</summary>
public sealed class PaperFormInput : IPatientInput
{
    /// <summary>Where the form belongs: the desk's facility, or a supervisor's agency window.</summary>
    public int FacilityId { get; set; }

    public PaperFormKind Kind { get; set; } = PaperFormKind.TransferReferral;

    public PaperFormSubkind Subkind { get; set; } = PaperFormSubkind.InCity;

    public string SerialNumber { get; set; } = "";

    public string PatientName { get; set; } = "";

    public IdDocumentType IdDocumentType { get; set; } = IdDocumentType.ResidentId;

    public string IdNumber { get; set; } = "";

    public string? FromPlace { get; set; }

    public string? Destination { get; set; }

    public string? IssuedAt { get; set; }

    public string? Reason { get; set; }

    public bool SignedAndStamped { get; set; } = true;

    public string IssuedBy { get; set; } = "";

    public int? HeldPatientId { get; set; }

    public PaperFormInput Clone() => (PaperFormInput)MemberwiseClone();

    /// <summary>A copy with each text as the rules check it and the database keeps it (<see cref="InputText"/>).</summary>
    public PaperFormInput Normalized()
    {
        var copy = Clone();
        copy.SerialNumber = InputText.Code(SerialNumber);
        copy.PatientName = InputText.Line(PatientName);
        copy.IdNumber = InputText.Code(IdNumber);
        copy.FromPlace = InputText.LineOrNull(FromPlace);
        copy.Destination = InputText.LineOrNull(Destination);
        copy.IssuedAt = InputText.CodeOrNull(IssuedAt);
        copy.Reason = InputText.LinesOrNull(Reason);
        copy.IssuedBy = InputText.Line(IssuedBy);
        return copy;
    }
}

public sealed record PaperFormValues(
    PaperFormKind Kind, PaperFormSubkind Subkind, string SerialNumber, string PatientName, IdDocumentType IdDocumentType, string IdNumber,
    string? FromPlace, string? Destination, DateTime IssuedUtc, string? Reason, bool SignedAndStamped, string IssuedBy);
