namespace Dashboard.Core.Accounts;

/// <summary>
/// Tells open sessions that an administrator changed an account (role, facility, regions, disabled),
/// so a session that keeps its user's scope drops it and reads the new one on its next step.
/// </summary>
public sealed class AccountChanges
{
    public event Action<string>? Changed;

    /// <summary>Where a change goes to reach the other nodes' sessions (<see cref="Live.PostgresSignals"/>); unset on a single node.</summary>
    internal Action<string>? Forward { get; set; }

    public void Publish(string userId)
    {
        Deliver(userId);
        Forward?.Invoke(userId);
    }

    /// <summary>An account changed through another node: this node's sessions hear it.</summary>
    internal void Deliver(string userId) => Changed?.Invoke(userId);
}
