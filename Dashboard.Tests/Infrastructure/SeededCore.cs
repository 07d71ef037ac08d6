using Dashboard.Core.Access;
using Dashboard.Core.Facilities;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Dashboard.Core on a freshly seeded database (demo mode; SQLite unless told), for service-level tests.</summary>
public sealed class SeededCore(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    private readonly TempDatabase _database = new(provider);
    private ServiceProvider? _services;

    public FakeTimeProvider Clock { get; } = new(TestClocks.FirstStart);

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public string ConnectionString => _database.ConnectionString;

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The database file, for another process to open (its folder is this test's own).</summary>
    public string DatabasePath => _database.FilePath;

    public async Task InitializeAsync()
    {
        await CoreServices.SeedAsync(_database, Clock);
        _services = new ServiceCollection().AddTestCore(_database, Clock).BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Another application node on the same database (PostgreSQL: several nodes), its services of its own.</summary>
    public ServiceProvider NewNode() => new ServiceCollection().AddTestCore(_database, Clock).BuildServiceProvider();

    public DashboardDbContext CreateDb() => Get<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    /// <summary>The access scope of a seeded user, as the app resolves it.</summary>
    public async Task<AccessScope> ScopeOf(string userName)
    {
        await using var db = CreateDb();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await Get<AccessScopeResolver>().ResolveAsync(id, "203.0.113.7") ?? throw new InvalidOperationException($"{userName} is disabled.");
    }

    public async Task<Facility> Facility(string code)
    {
        await using var db = CreateDb();
        return await db.Facilities.AsNoTracking().SingleAsync(f => f.Code == code);
    }

    public async Task<int> CountAudit(string action, string? entityId = null)
    {
        await using var db = CreateDb();
        return await db.AuditEvents.CountAsync(a => a.Action == action && (entityId == null || a.EntityId == entityId));
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _database.Dispose();
    }
}
