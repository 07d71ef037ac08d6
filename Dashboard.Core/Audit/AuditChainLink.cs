namespace Dashboard.Core.Audit;

/// <summary>
/// An audit row's link in the hash chain (<see cref="AuditChain"/>). Written only by the database's
/// trigger, never by the app; the database rejects UPDATE and DELETE on these too.
/// </summary>
public sealed class AuditChainLink
{
    public long AuditEventId { get; set; }

    public required string Hash { get; set; }
}
