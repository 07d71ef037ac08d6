namespace Dashboard.Core.HeldPatients;

/// <summary>
/// What a billing desk types, kept as typed (times as local text such as "2021-12-01 08:30",
/// the amount as "1234.50") so a draft can be restored exactly and errors can point at the text.
/// </summary>
public sealed class HeldPatientInput : IPatientInput
{
    public HeldPatientCategory Category { get; set; } = HeldPatientCategory.InpatientAdmittedDuringOutage;

    public string PatientName { get; set; } = "";

    public IdDocumentType IdDocumentType { get; set; } = IdDocumentType.ResidentId;

    public string IdNumber { get; set; } = "";

    public InsuranceType InsuranceType { get; set; } = InsuranceType.Employee;

    public string? Phone { get; set; }

    public string? AdmittedAt { get; set; }

    public string? DischargedAt { get; set; }

    public string? VisitAt { get; set; }

    public string? Department { get; set; }

    public string? Amount { get; set; }

    /// <summary>One or more invoice numbers, separated by commas, semicolons or spaces.</summary>
    public string? InvoiceNumbers { get; set; }

    public string? Notes { get; set; }

    public HeldPatientInput Clone() => (HeldPatientInput)MemberwiseClone();

    /// <summary>A copy with each text as the rules check it and the database keeps it (<see cref="InputText"/>).</summary>
    public HeldPatientInput Normalized()
    {
        var copy = Clone();
        copy.PatientName = InputText.Line(PatientName);
        copy.IdNumber = InputText.Code(IdNumber);
        copy.Phone = InputText.CodeOrNull(Phone);
        copy.AdmittedAt = InputText.CodeOrNull(AdmittedAt);
        copy.DischargedAt = InputText.CodeOrNull(DischargedAt);
        copy.VisitAt = InputText.CodeOrNull(VisitAt);
        copy.Department = InputText.LineOrNull(Department);
        copy.Amount = InputText.CodeOrNull(Amount);
        copy.InvoiceNumbers = InputText.CodeOrNull(InvoiceNumbers);
        copy.Notes = InputText.LinesOrNull(Notes);
        return copy;
    }
}

/// <summary>The parsed, normalized values of a valid input.</summary>
public sealed record HeldPatientValues(
    HeldPatientCategory Category,
    string PatientName,
    IdDocumentType IdDocumentType,
    string IdNumber,
    InsuranceType InsuranceType,
    string? Phone,
    CareTimes Times,
    string? Department,
    decimal? AmountAdvanced,
    IReadOnlyList<string> InvoiceNumbers,
    string? Notes);
