namespace Dashboard.Core.Records.Intake;

/// <summary>What a batch's checks may look up: the caller, the batch's facilities and each region's time zone.</summary>
internal sealed record IntakeBatch(AccessScope Scope, IReadOnlyDictionary<int, Facility> Facilities, IReadOnlyDictionary<int, TimeZoneInfo> Zones);

/// <summary>
/// One kind of record the bulk intake takes (held patients, paper forms): which facility a row is
/// for, whether the caller may enter it there, the form's own validation and derived fields, and
/// the checks against the database (duplicates, links) loaded once for the whole batch.
/// </summary>
internal abstract class IntakeKind<TRecord, TRow>
    where TRecord : PatientRecord
{
    public abstract int FacilityOf(TRow row);

    /// <summary>Null if the caller may enter this row at this facility (one it sees, active); otherwise the field and why.</summary>
    public abstract (string Field, Message Message)? RefusedAt(AccessScope scope, Facility facility, TRow row);

    /// <summary>Validates the row exactly as the form does and builds the record with its derived fields, or says why not.</summary>
    public abstract (IReadOnlyDictionary<string, Message[]> Errors, TRecord? Record) Build(TRow row, RegionPlan? plan, DateTimeOffset now);

    /// <summary>Loads, in a few queries inside the batch's transaction, what <see cref="IntakeChecks{TRecord}"/> needs for these records.</summary>
    public abstract Task<IntakeChecks<TRecord>> LoadChecksAsync(DashboardDbContext db, IntakeBatch batch, IReadOnlyList<TRecord> records, CancellationToken cancellationToken);
}

/// <summary>The checks of one batch against the database and against the rows written before it in the same batch.</summary>
internal abstract class IntakeChecks<TRecord>
{
    /// <summary>Null if the record may be written; otherwise the field and the form's message (a duplicate, a link not found).</summary>
    public abstract (string Field, Message Message)? Check(TRecord record);

    /// <summary>The record is written (it has its id): later rows are checked against it too.</summary>
    public abstract void Written(TRecord record);

    /// <summary>
    /// Records the caller may not open that a refusal named (a duplicate at another facility: where,
    /// since when), with what was shown; audited with the batch as the form's duplicate check is.
    /// </summary>
    public List<(int Id, object Shown)> Revealed { get; } = [];
}
