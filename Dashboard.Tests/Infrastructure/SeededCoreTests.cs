namespace Dashboard.Tests.Infrastructure;

/// <summary>A test class whose every test gets its own freshly seeded database.</summary>
public abstract class SeededCoreTests : IAsyncLifetime
{
    protected SeededCore Core { get; } = new();

    public Task InitializeAsync() => Core.InitializeAsync();

    public Task DisposeAsync() => Core.DisposeAsync();
}
