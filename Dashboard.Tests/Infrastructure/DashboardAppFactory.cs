using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file. Pass a clock to pin time; pass <paramref name="environment"/>
/// to read that environment's settings. Call <c>UseKestrel(0)</c> before start for a real port.
/// </summary>
public sealed class DashboardAppFactory(TimeProvider? clock = null, string environment = "Development") : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database = new();

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The app's SQLite file, not there until the app first starts (a restore drill puts a backup there first).</summary>
    public string DatabaseFile => _database.FilePath;

    /// <summary>The app's data folder (database, keys, exports), this factory's own.</summary>
    public string DataFolder => _database.Folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Dashboard", _database.ConnectionString);
        builder.UseSetting("Dashboard:DataFolder", _database.Folder);
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
