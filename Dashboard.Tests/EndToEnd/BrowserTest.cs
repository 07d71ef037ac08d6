namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// A browser test: every tab and browser it opens is closed when it ends, passed or failed. A tab left
/// open keeps its circuit ticking and Chromium painting for the rest of the run; dozens of them took
/// most of the machine's CPU by the end of the suite and slowed every later test.
/// </summary>
/// <remarks>
/// The tests of one collection run one at a time against their own fixture, so every tab the fixture's
/// browser has open when a test ends is that test's.
/// </remarks>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser { get; } = browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Browser.EndTestAsync();
}
