namespace Dashboard.Core.Persistence;

/// <summary>The provider the app was configured with, as a service (the context factory needs it before options bind).</summary>
public sealed record ConfiguredProvider(DatabaseProvider Provider);

/// <summary>
/// Creates the context of the configured provider. Both are a <see cref="DashboardDbContext"/> to the
/// rest of the app; EF Core tells their migrations apart by the context type.
/// </summary>
public sealed class DashboardDbContextFactory(DbContextOptions<DashboardDbContext> options, ConfiguredProvider provider) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() =>
        provider.Provider == DatabaseProvider.PostgreSql ? new PostgresDashboardDbContext(options) : new DashboardDbContext(options);
}
