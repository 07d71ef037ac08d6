namespace Dashboard.Core.Persistence;

/// <summary>The EF Core options of each provider, for the app, the tools and the design-time factories alike.</summary>
public static class ProviderOptions
{
    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder builder, DashboardOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.DatabaseProvider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")),
            _ => builder.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeoutMilliseconds)),
        };
    }
}
