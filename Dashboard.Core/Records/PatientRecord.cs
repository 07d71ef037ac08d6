using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Core.Records;

/// <summary>
/// What every record a facility logs about a patient has: where it belongs, who it is about, its
/// catch-up deadline, who entered it and when, when it stopped being outstanding, and its version.
/// </summary>
public abstract class PatientRecord : IFacilityScoped, IVersioned, IHasDeadline
{
    public int Id { get; set; }

    public int FacilityId { get; set; }

    public Facility? Facility { get; set; }

    /// <summary>The facility's region, kept on the record so scoping and region queries need no join.</summary>
    public int RegionId { get; set; }

    /// <summary>Set with <see cref="SetPatientName"/>, which keeps <see cref="PatientNameSortKey"/> in step.</summary>
    public required string PatientName { get; set; }

    /// <summary>The name's pinyin sort key (<see cref="PatientNameCollation"/>); lists sort names by it.</summary>
    public byte[]? PatientNameSortKey { get; private set; }

    public IdDocumentType IdDocumentType { get; set; }

    /// <summary>Normalized: trimmed, upper-case (a resident ID's check character x becomes X).</summary>
    public required string IdNumber { get; set; }

    /// <summary>End of the region's catch-up window; recomputed when the plan's go-live moves.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public required string EnteredByUserId { get; set; }

    public required string EnteredByName { get; set; }

    public DateTime EnteredUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the record stopped being outstanding (closed, voided, back-entered, rejected); for the burndown.</summary>
    public DateTime? ResolvedUtc { get; set; }

    public long Version { get; set; }

    /// <summary>Still to catch up: counts towards the backlog, can be overdue and can be corrected.</summary>
    public abstract bool IsOpen { get; }

    /// <summary>
    /// Puts a new record at its place (facility, region, the region's deadline) and stamps who
    /// entered it and when: the same for a record saved by the form and one taken in bulk.
    /// </summary>
    public void EnterAt(RecordPlace place, AccessScope scope, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(scope);
        FacilityId = place.FacilityId;
        RegionId = place.RegionId;
        DeadlineUtc = place.DeadlineUtc;
        EnteredByUserId = scope.UserId;
        EnteredByName = scope.UserName;
        EnteredUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    public void SetPatientName(string name)
    {
        PatientName = name;
        PatientNameSortKey = PatientNameCollation.SortKey(name);
    }

    /// <summary>Who the record is about, from valid values: the name with its sort key, the document and its number.</summary>
    public virtual void SetPatient(string name, IdDocumentType documentType, string idNumber)
    {
        SetPatientName(name);
        IdDocumentType = documentType;
        IdNumber = idNumber;
    }

    /// <summary>The record as the audit trail keeps it before and after a change: personal data masked.</summary>
    public abstract object AuditSnapshot();
}

/// <summary>A patient record with the statuses of its kind (<see cref="StatusMachine{TStatus}"/>).</summary>
public abstract class PatientRecord<TStatus> : PatientRecord
    where TStatus : struct, Enum
{
    public TStatus Status { get; set; }

    public override bool IsOpen => Machine().IsOpen(Status);

    /// <summary>Null if the record may move on so, otherwise the field to fix and why (nothing changes).</summary>
    public (string Field, Message Message)? CheckMove(StatusChange<TStatus> change) => Machine().Check(Status, change);

    /// <summary>
    /// Moves the record on if its kind allows the step, keeping the number or reason the step
    /// needs; null on success, otherwise the field to fix and why. The record stays as it was when refused.
    /// </summary>
    public (string Field, Message Message)? MoveOn(StatusChange<TStatus> change, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (CheckMove(change) is { } refused)
        {
            return refused;
        }

        Status = change.Target;
        KeepOutcome(change.Target, InputText.CodeOrNull(change.Number), InputText.LinesOrNull(change.Reason));
        UpdatedUtc = nowUtc;
        if (!IsOpen)
        {
            // The first time it stops being outstanding is what the burndown counts.
            ResolvedUtc ??= nowUtc;
        }

        return null;
    }

    /// <summary>The statuses of this kind of record (a method, so EF Core does not take it for a column).</summary>
    protected abstract StatusMachine<TStatus> Machine();

    /// <summary>Keeps what a step carries: the new platform's number, or why it was voided or rejected.</summary>
    protected abstract void KeepOutcome(TStatus target, string? number, string? reason);
}
