using Dashboard.Core.HeldPatients;
using Dashboard.Core.Privacy;

namespace Dashboard.Core.PaperForms;

/// <summary>
/// A paper form to back-enter into the new platform. Its serial number is unique within its
/// facility (an agency window is a facility too). Never deleted: voided with a reason.
/// </summary>
public class PaperForm : PatientRecord<PaperFormStatus>
{
    public PaperFormKind Kind { get; set; }

    public PaperFormSubkind Subkind { get; set; }

    /// <summary>The number printed on the form, as printed (e.g. "0012"); unique per facility.</summary>
    public required string SerialNumber { get; set; }

    /// <summary>Where the patient comes from (the issuing facility, or the applicant's unit).</summary>
    public string? FromPlace { get; set; }

    /// <summary>The receiving facility or destination.</summary>
    public string? Destination { get; set; }

    public DateTime IssuedUtc { get; set; }

    public string? Reason { get; set; }

    public bool SignedAndStamped { get; set; }

    public required string IssuedBy { get; set; }

    /// <summary>The held patient this form belongs to (a transfer of an inpatient, for example).</summary>
    public int? HeldPatientId { get; set; }

    public HeldPatient? HeldPatient { get; set; }

    public string? FilingNumber { get; set; }

    /// <summary>Why it was rejected or voided.</summary>
    public string? StatusReason { get; set; }

    /// <inheritdoc />
    public override object AuditSnapshot() => new
    {
        FacilityId, Kind, Subkind, SerialNumber, PatientName, IdDocumentType, IdNumber = PersonalDataMask.IdNumber(IdNumber),
        FromPlace, Destination, IssuedUtc, Reason, SignedAndStamped, IssuedBy, HeldPatientId, Status, FilingNumber, StatusReason,
    };

    /// <summary>Received → BackEntered (with the filing number), or Rejected / Voided with a reason; a back-entered form can still be rejected or voided.</summary>
    public static StatusMachine<PaperFormStatus> Statuses { get; } = new(
        new Dictionary<PaperFormStatus, PaperFormStatus[]>
        {
            [PaperFormStatus.Received] = [PaperFormStatus.BackEntered, PaperFormStatus.Rejected, PaperFormStatus.Voided],
            [PaperFormStatus.BackEntered] = [PaperFormStatus.Rejected, PaperFormStatus.Voided],
        },
        open: new HashSet<PaperFormStatus> { PaperFormStatus.Received },
        needNumber: new HashSet<PaperFormStatus> { PaperFormStatus.BackEntered },
        numberRequired: "Form_FilingNumberRequired",
        needReason: new HashSet<PaperFormStatus> { PaperFormStatus.Rejected, PaperFormStatus.Voided });

    protected override StatusMachine<PaperFormStatus> Machine() => Statuses;

    protected override void KeepOutcome(PaperFormStatus target, string? number, string? reason)
    {
        if (target == PaperFormStatus.BackEntered)
        {
            FilingNumber = number;
        }

        if (target is PaperFormStatus.Rejected or PaperFormStatus.Voided)
        {
            StatusReason = reason;
        }
    }
}

/// <summary>A run of pre-printed form numbers a facility issued to its desks, e.g. 0001-0200.</summary>
public class FormStockRange
{
    public int Id { get; set; }

    public int FacilityId { get; set; }

    public int RegionId { get; set; }

    public PaperFormKind Kind { get; set; }

    /// <summary>Text before the number, if the forms carry one (e.g. "ZZ-"); often empty.</summary>
    public string Prefix { get; set; } = "";

    public int First { get; set; }

    public int Last { get; set; }

    /// <summary>Digits printed, so 1 prints as "0001" with a width of 4.</summary>
    public int Width { get; set; }

    public string? IssuedTo { get; set; }

    public required string EnteredByName { get; set; }

    public DateTime EnteredUtc { get; set; }

    public string Format(int number) => Prefix + number.ToString(new string('0', Width), System.Globalization.CultureInfo.InvariantCulture);
}
