using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file, or on <paramref name="database"/> when given (several nodes on one
/// PostgreSQL database; the caller then disposes it). Pass a clock to pin time; pass <paramref name="environment"/>
/// to read that environment's settings. Call <c>UseKestrel(0)</c> before start for a real port.
/// </summary>
public sealed class DashboardAppFactory(TimeProvider? clock = null, string environment = "Development", TempDatabase? database = null) : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase = database is null;
    private readonly TempDatabase _database = database ?? new();
    private readonly string? _nodeFolder = database is null ? null : Path.Combine(database.Folder, "node-" + Guid.NewGuid().ToString("N")[..8]);

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The app's SQLite file, not there until the app first starts (a restore drill puts a backup there first).</summary>
    public string DatabaseFile => _database.FilePath;

    /// <summary>The app's data folder (database, keys, exports), this factory's own.</summary>
    public string DataFolder => _nodeFolder ?? _database.Folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Dashboard", _database.ConnectionString);
        builder.UseSetting("Dashboard:DatabaseProvider", _database.Provider.ToString());
        builder.UseSetting("Dashboard:DataFolder", DataFolder);
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }
}
