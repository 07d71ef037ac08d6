namespace Dashboard.Core.Accounts;

/// <summary>
/// Tells open sessions that an administrator changed an account (role, facility, regions, disabled),
/// so a session that keeps its user's scope drops it and reads the new one on its next step.
/// </summary>
public sealed class AccountChanges
{
    public event Action<string>? Changed;

    public void Publish(string userId) => Changed?.Invoke(userId);
}
