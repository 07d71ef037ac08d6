namespace Dashboard.Core.Audit;

/// <summary>
/// One entry of the append-only audit trail. Written in the same transaction as the change it
/// records; the database rejects UPDATE and DELETE on this table.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }

    public DateTime OccurredUtc { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public string? Role { get; set; }

    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? BeforeJson { get; set; }

    public string? AfterJson { get; set; }

    public string? ClientAddress { get; set; }
}
