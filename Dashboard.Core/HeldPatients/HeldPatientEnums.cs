namespace Dashboard.Core.HeldPatients;

/// <summary>Why a patient is held (SPEC section 5).</summary>
public enum HeldPatientCategory
{
    /// <summary>跨停机在院: admitted before the stop, still in.</summary>
    InpatientSpanningOutage,
    /// <summary>停机期间入院: admitted as an ordinary patient during the outage.</summary>
    InpatientAdmittedDuringOutage,
    /// <summary>停机期间出院: left without insurance settlement.</summary>
    InpatientDischargedDuringOutage,
    /// <summary>门诊/门特/购药垫付: paid in full at a visit.</summary>
    OutpatientAdvance,
    /// <summary>生育/单病种: registration cancelled, self-pay, re-registered.</summary>
    MaternityOrSingleDisease,
    /// <summary>异地就医: out-of-region care filed by phone or paper.</summary>
    RemoteCare,
}

public enum InsuranceType
{
    /// <summary>职工.</summary>
    Employee,
    /// <summary>居民.</summary>
    Resident,
    /// <summary>离休.</summary>
    Retired,
    /// <summary>生育.</summary>
    Maternity,
}

public enum HeldPatientStatus
{
    Logged,
    /// <summary>Registered on the new platform; carries its registration or settlement number.</summary>
    ReRegistered,
    Settled,
    Closed,
    /// <summary>Withdrawn with a reason; the record stays.</summary>
    Voided,
}

public static class HeldPatientCategories
{
    public static bool IsInpatient(this HeldPatientCategory category) => category is
        HeldPatientCategory.InpatientSpanningOutage or HeldPatientCategory.InpatientAdmittedDuringOutage or
        HeldPatientCategory.InpatientDischargedDuringOutage or HeldPatientCategory.MaternityOrSingleDisease;

    /// <summary>Open records count towards the backlog and can be overdue.</summary>
    public static bool IsOpen(this HeldPatientStatus status) => HeldPatient.Statuses.IsOpen(status);
}
