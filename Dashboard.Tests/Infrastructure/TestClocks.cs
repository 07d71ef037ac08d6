namespace Dashboard.Tests.Infrastructure;

/// <summary>The instants the tests' clocks start at.</summary>
internal static class TestClocks
{
    /// <summary>
    /// When the tests' app first starts: noon in Beijing on Sunday 2026-11-22, in a year the bundled
    /// holiday calendar covers. The demo's rehearsal region is seeded relative to it (its system stop two days later).
    /// </summary>
    public static readonly DateTimeOffset FirstStart = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
}
