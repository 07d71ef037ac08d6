using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Backup;

public static class BackupRegistration
{
    /// <summary>The online SQLite backup and its folder (<see cref="BackupOptions.Folder"/>, or <c>backups</c> in the data folder).</summary>
    public static IServiceCollection AddDatabaseBackup(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>()?.Folder;
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DependencyInjection.DataFolder(configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions(), contentRoot), "backups")
            : Path.GetFullPath(Path.Combine(contentRoot, configured));
        services.AddSingleton(new BackupFolder(folder));
        services.AddSingleton<DatabaseBackup>();
        return services;
    }
}
