using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the web host. With the app's interceptor,
/// so <c>dotnet ef database update</c> has the audit chain's function the migrations call.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite("Data Source=design-time.db").AddInterceptors(new SqlitePragmaInterceptor(5000)).Options);
}

/// <summary>The PostgreSQL model for <c>dotnet ef migrations add --context PostgresDashboardDbContext</c> (no server needed).</summary>
internal sealed class DesignTimePostgresDbContextFactory : IDesignTimeDbContextFactory<PostgresDashboardDbContext>
{
    public PostgresDashboardDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        builder.UseConfiguredProvider(new DashboardOptions { DatabaseProvider = DatabaseProvider.PostgreSql }, "Host=localhost;Database=design_time");
        return new(builder.Options);
    }
}
