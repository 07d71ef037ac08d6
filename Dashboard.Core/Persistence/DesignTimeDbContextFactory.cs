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
