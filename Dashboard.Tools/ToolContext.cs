using System.Reflection;
using Dashboard.Core;
using Dashboard.Tools.Benchmarks;
using Dashboard.Tools.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tools;

/// <summary>
/// Where the tools find the app's configuration and database, and where they put throwaway files.
/// The app resolves <c>Dashboard:DataFolder</c> against its content root (the Dashboard folder under
/// <c>dotnet run --project Dashboard</c>) and reads the top-level appsettings files copied next to its
/// binaries; the tools do the same, so generated data lands in the database the app opens.
/// </summary>
/// <param name="ContentRoot">The app's content root.</param>
/// <param name="TempFolder">Where benchmarks put their throwaway databases and workbooks.</param>
/// <param name="Settings">Settings that win over every other source (tests point these at their own folder).</param>
public sealed record ToolContext(string ContentRoot, string TempFolder, IReadOnlyDictionary<string, string?>? Settings = null)
{
    /// <summary>The context of the tools run from a shell: the app's content root and the system's temp folder.</summary>
    public static ToolContext FromProcess() => new(AppContentRoot(), Path.GetTempPath());

    /// <summary>
    /// The app's sources in the app's order: appsettings.json, appsettings.{environment}.json, then
    /// environment variables (e.g. <c>ConnectionStrings__Dashboard</c>, <c>Dashboard__DataFolder</c>).
    /// </summary>
    public IConfigurationRoot LoadConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Settings ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>Dashboard.Core on the given configuration, with the tools' own services.</summary>
    public ServiceProvider BuildServices(IConfiguration configuration, Action<ILoggingBuilder> logging)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(logging);
        services.AddDashboardCore(configuration, ContentRoot);
        services.AddSingleton<SyntheticHeldPatientGenerator>();
        services.AddSingleton<HeldPatientBenchmark>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// As the app: ASPNETCORE_CONTENTROOT if set, otherwise the Dashboard project folder this build
    /// came from (the app's content root under dotnet run), otherwise the working folder.
    /// </summary>
    private static string AppContentRoot()
    {
        var configured = Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var projectFolder = typeof(ToolContext).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DashboardContentRoot")?.Value;
        return projectFolder is not null && Directory.Exists(projectFolder) ? projectFolder : Directory.GetCurrentDirectory();
    }
}
