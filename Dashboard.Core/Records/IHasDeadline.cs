namespace Dashboard.Core.Records;

/// <summary>A record with a catch-up deadline (the end of its last day, in UTC).</summary>
public interface IHasDeadline
{
    DateTime? DeadlineUtc { get; }
}
