namespace Dashboard.Core.PaperForms;

/// <summary>The paper records written during the outage (SPEC section 6).</summary>
public enum PaperFormKind
{
    /// <summary>转院转诊登记表.</summary>
    TransferReferral,
    /// <summary>异地就医备案表.</summary>
    RemoteCareFiling,
    /// <summary>线下受理登记: an agency window's intake of an application or claim.</summary>
    OfflineIntake,
}

/// <summary>What kind of transfer, filing or intake; each kind allows its own.</summary>
public enum PaperFormSubkind
{
    InCity,
    CrossCounty,
    OutOfRegion,
    EmergencyAdmission,
    Resettlement,
    LongTermResidence,
    TemporaryTravel,
    Enrollment,
    BenefitApplication,
    Reimbursement,
    OtherIntake,
}

public enum PaperFormStatus
{
    Received,
    /// <summary>Entered into the new platform; carries its filing number.</summary>
    BackEntered,
    /// <summary>Refused (by the platform or the agency), with a reason.</summary>
    Rejected,
    /// <summary>Withdrawn (spoiled, duplicate), with a reason. The form stays.</summary>
    Voided,
}

public static class PaperFormKinds
{
    public static IReadOnlyList<PaperFormSubkind> Subkinds(this PaperFormKind kind) => kind switch
    {
        PaperFormKind.TransferReferral => [PaperFormSubkind.InCity, PaperFormSubkind.CrossCounty, PaperFormSubkind.OutOfRegion],
        PaperFormKind.RemoteCareFiling => [PaperFormSubkind.EmergencyAdmission, PaperFormSubkind.Resettlement, PaperFormSubkind.LongTermResidence, PaperFormSubkind.TemporaryTravel],
        _ => [PaperFormSubkind.Enrollment, PaperFormSubkind.BenefitApplication, PaperFormSubkind.Reimbursement, PaperFormSubkind.OtherIntake],
    };

    public static bool IsOpen(this PaperFormStatus status) => PaperForm.Statuses.IsOpen(status);
}
