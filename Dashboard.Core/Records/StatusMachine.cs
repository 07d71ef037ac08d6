namespace Dashboard.Core.Records;

/// <summary>The messages of a refused status change, the same for every kind of record.</summary>
public static class StatusMessages
{
    public const string NotAllowed = "Status_NotAllowed";
    public const string ReasonRequired = "Status_ReasonRequired";

    /// <summary>The longest number and reason a status change keeps (the columns' sizes).</summary>
    public const int NumberMaxLength = 60;
    public const int ReasonMaxLength = 500;
}

/// <summary>
/// The statuses a kind of record moves through: which step may follow which, which statuses need
/// the new platform's number or a reason, and which leave the record open (still to catch up).
/// </summary>
public sealed class StatusMachine<TStatus>(
    IReadOnlyDictionary<TStatus, TStatus[]> next,
    IReadOnlySet<TStatus> open,
    IReadOnlySet<TStatus> needNumber,
    Message numberRequired,
    IReadOnlySet<TStatus> needReason)
    where TStatus : struct, Enum
{
    public IReadOnlyList<TStatus> From(TStatus status) => next.GetValueOrDefault(status) ?? [];

    /// <summary>Open records count towards the backlog, can be overdue and can still be corrected.</summary>
    public bool IsOpen(TStatus status) => open.Contains(status);

    /// <summary>Null if the change may be made, otherwise the field to fix and why.</summary>
    public (string Field, Message Message)? Check(TStatus current, StatusChange<TStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!From(current).Contains(change.Target))
        {
            return ("", StatusMessages.NotAllowed);
        }

        if (needNumber.Contains(change.Target) && Refused(change.Number, StatusMessages.NumberMaxLength, numberRequired) is { } number)
        {
            return (nameof(change.Number), number);
        }

        if (needReason.Contains(change.Target) && Refused(change.Reason, StatusMessages.ReasonMaxLength, StatusMessages.ReasonRequired) is { } reason)
        {
            return (nameof(change.Reason), reason);
        }

        return null;
    }

    private static Message? Refused(string? value, int maxLength, Message required) =>
        string.IsNullOrWhiteSpace(value) ? required
        : value.Trim().Length > maxLength ? ValidationErrors.TooLongMessage(maxLength, value.Trim().Length)
        : null;
}
