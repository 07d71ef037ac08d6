using Dashboard.Core.Persistence;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A test class whose every test gets its own freshly seeded database. A class that must hold on both
/// engines passes the provider on: <c>class XOnPostgres() : X(DatabaseProvider.PostgreSql)</c>.
/// </summary>
public abstract class SeededCoreTests(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected SeededCore Core { get; } = new(provider);

    public Task InitializeAsync() => Core.InitializeAsync();

    public Task DisposeAsync() => Core.DisposeAsync();
}
