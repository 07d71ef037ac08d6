namespace Dashboard.Core.HeldPatients;

/// <summary>Logged → ReRegistered → Settled → Closed, or Voided (with a reason) from any open status.</summary>
public static class StatusTransitions
{
    public const string NotAllowed = "Status_NotAllowed";
    public const string NumberRequired = "Status_NumberRequired";
    public const string ReasonRequired = "Status_ReasonRequired";

    public static IReadOnlyList<HeldPatientStatus> From(HeldPatientStatus status) => status switch
    {
        HeldPatientStatus.Logged => [HeldPatientStatus.ReRegistered, HeldPatientStatus.Voided],
        HeldPatientStatus.ReRegistered => [HeldPatientStatus.Settled, HeldPatientStatus.Voided],
        HeldPatientStatus.Settled => [HeldPatientStatus.Closed, HeldPatientStatus.Voided],
        _ => [],
    };

    /// <summary>Null if the change may be made, otherwise (field, message key).</summary>
    public static (string Field, string Key)? Check(HeldPatientStatus current, StatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!From(current).Contains(change.Target))
        {
            return ("", NotAllowed);
        }

        if (change.Target == HeldPatientStatus.ReRegistered && !IsFilled(change.NewPlatformNumber, 60))
        {
            return (nameof(StatusChange.NewPlatformNumber), NumberRequired);
        }

        if (change.Target == HeldPatientStatus.Voided && !IsFilled(change.Reason, 500))
        {
            return (nameof(StatusChange.Reason), ReasonRequired);
        }

        return null;
    }

    private static bool IsFilled(string? value, int maxLength) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= maxLength;
}
