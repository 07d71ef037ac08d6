namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The browser tests' clock: it ticks in real time (countdowns must move, autosave and the board wait
/// real milliseconds) but starts at a fixed instant in a year the bundled holiday calendar covers. The
/// rehearsal region is seeded relative to "now"; on the real clock its catch-up deadline would fall
/// in a year without holiday data once the calendar runs out (2028), and the notice slip, the patient
/// page and overdue marks would lose their last day. A fixed start also makes every run see the same
/// weekday and time of day.
/// </summary>
internal sealed class BrowserClock : TimeProvider
{
    /// <summary>A Friday morning in Beijing in late 2026: the rehearsal's stop, go-live and deadline all fall in covered years.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);

    private readonly TimeSpan _offset = Start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
