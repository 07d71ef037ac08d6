namespace Dashboard.Core.Records;

/// <summary>
/// Moving a record on: the status it goes to, the new platform's number where that status needs
/// one (a registration, settlement or filing number), and the reason where it needs one.
/// </summary>
public sealed record StatusChange<TStatus>(TStatus Target, string? Number = null, string? Reason = null)
    where TStatus : struct, Enum;
