namespace Dashboard.Core.Records.Intake;

/// <summary>A row the intake refused and did not write: its position in the batch (from 0) and why, per field, as the form says it.</summary>
public sealed record IntakeRowError(int Row, IReadOnlyDictionary<string, Message[]> Errors);

/// <summary>
/// What one batch did: the new record's id for each row, in the batch's order (null where the row
/// was refused), and the refused rows with their reasons. The written rows were committed together.
/// </summary>
public sealed record IntakeResult(IReadOnlyList<int?> Ids, IReadOnlyList<IntakeRowError> Refused)
{
    public int Written => Ids.Count(id => id is not null);
}
