using Dashboard.Core.Privacy;

namespace Dashboard.Core.HeldPatients;

/// <summary>
/// A patient whose insurance registration or settlement waits for the new platform (在途/挂账患者).
/// Never deleted: withdrawn records are voided with a reason.
/// </summary>
public class HeldPatient : PatientRecord<HeldPatientStatus>
{
    /// <summary>Logged → ReRegistered (with the new platform's number) → Settled → Closed, or Voided with a reason from any open status.</summary>
    public static StatusMachine<HeldPatientStatus> Statuses { get; } = new(
        new Dictionary<HeldPatientStatus, HeldPatientStatus[]>
        {
            [HeldPatientStatus.Logged] = [HeldPatientStatus.ReRegistered, HeldPatientStatus.Voided],
            [HeldPatientStatus.ReRegistered] = [HeldPatientStatus.Settled, HeldPatientStatus.Voided],
            [HeldPatientStatus.Settled] = [HeldPatientStatus.Closed, HeldPatientStatus.Voided],
        },
        open: new HashSet<HeldPatientStatus> { HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled },
        needNumber: new HashSet<HeldPatientStatus> { HeldPatientStatus.ReRegistered },
        numberRequired: "Status_NumberRequired",
        needReason: new HashSet<HeldPatientStatus> { HeldPatientStatus.Voided });


    public HeldPatientCategory Category { get; set; }

    public InsuranceType InsuranceType { get; set; }

    public string? Phone { get; set; }

    public DateTime? AdmittedUtc { get; set; }

    public DateTime? DischargedUtc { get; set; }

    public DateTime? VisitUtc { get; set; }

    /// <summary>The three times as one value; not mapped (EF maps the columns above).</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public CareTimes Times
    {
        get => new(AdmittedUtc, DischargedUtc, VisitUtc);
        set => (AdmittedUtc, DischargedUtc, VisitUtc) = (value.AdmittedUtc, value.DischargedUtc, value.VisitUtc);
    }

    public string? Department { get; set; }

    /// <summary>Yuan with 2 decimals; stored as fen so SQLite can sort and sum it.</summary>
    public decimal? AmountAdvanced { get; set; }

    /// <summary>The ID number backwards, so "the last digits" is an indexed prefix search.</summary>
    public string IdNumberReversed { get; set; } = "";

    /// <inheritdoc/>
    /// <remarks>Also keeps <see cref="IdNumberReversed"/> in step.</remarks>
    public override void SetPatient(string name, IdDocumentType documentType, string idNumber)
    {
        base.SetPatient(name, documentType, idNumber);
        IdNumberReversed = Reversed(idNumber);
    }

    public static string Reversed(string value)
    {
        var chars = value.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    public List<HeldPatientInvoice> Invoices { get; set; } = [];

    /// <summary>Keeps the invoices still listed (their rows and ids), drops the others and adds the new ones.</summary>
    public void SetInvoices(IReadOnlyCollection<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        Invoices.RemoveAll(i => !numbers.Contains(i.Number));
        Invoices.AddRange(numbers.Where(n => Invoices.TrueForAll(i => i.Number != n)).Select(n => new HeldPatientInvoice { Number = n }));
    }

    public string? Notes { get; set; }


    /// <summary>The new platform's registration or settlement number (required from ReRegistered on).</summary>
    public string? NewPlatformNumber { get; set; }

    public string? VoidReason { get; set; }

    /// <inheritdoc />
    public override object AuditSnapshot() => new
    {
        FacilityId,
        Category,
        PatientName,
        IdDocumentType,
        IdNumber = PersonalDataMask.IdNumber(IdNumber),
        InsuranceType,
        Phone = PersonalDataMask.Phone(Phone),
        AdmittedUtc,
        DischargedUtc,
        VisitUtc,
        Department,
        AmountAdvanced,
        InvoiceNumbers = Invoices.Select(i => i.Number).ToList(),
        Notes,
        Status,
        NewPlatformNumber,
        VoidReason,
    };

    protected override StatusMachine<HeldPatientStatus> Machine() => Statuses;

    protected override void KeepOutcome(HeldPatientStatus target, string? number, string? reason)
    {
        if (target == HeldPatientStatus.ReRegistered)
        {
            NewPlatformNumber = number;
        }

        if (target == HeldPatientStatus.Voided)
        {
            VoidReason = reason;
        }
    }
}

/// <summary>An invoice number of a held patient, in its own indexed table so one number is found at once.</summary>
public class HeldPatientInvoice
{
    public int Id { get; set; }

    public int HeldPatientId { get; set; }

    public required string Number { get; set; }
}
