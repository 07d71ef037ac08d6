namespace Dashboard.Core.Notifications;

/// <summary>When a failed delivery is tried again, and when it is given up.</summary>
public static class RetryPolicy
{
    /// <summary>The waits after the 1st, 2nd, ... failed attempt; the last one repeats.</summary>
    public static readonly IReadOnlyList<TimeSpan> Waits =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    /// <summary>Attempts before a message is marked failed: about 3 hours 49 minutes of retrying.</summary>
    public const int MaxAttempts = 10;

    public static TimeSpan WaitAfter(int failedAttempts) => Waits[Math.Clamp(failedAttempts, 1, Waits.Count) - 1];
}
