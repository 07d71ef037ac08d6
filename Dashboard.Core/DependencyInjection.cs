using Dashboard.Core.Accounts;
using Dashboard.Core.Calendar;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;
using Dashboard.Core.Notifications;
using Dashboard.Core.Privacy;
using Dashboard.Core.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Dashboard";

    /// <summary>Registers persistence, the working-day calendar and the domain services.</summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        var connectionString = ResolveConnectionString(configuration, options, contentRoot);
        services.AddSingleton(new ConfiguredProvider(options.DatabaseProvider));
        services.AddDbContextFactory<DashboardDbContext, DashboardDbContextFactory>(db => db.UseConfiguredProvider(options, connectionString));

        // Keys for sign-in cookies, antiforgery and password-reset tokens survive restarts and, when a
        // certificate is configured, are encrypted (Privacy/KeyProtection): in an owner-only folder for
        // one node, in the database when several nodes must read each other's cookies.
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.SectionName);
        var keyProtection = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        var dataProtection = services.AddDataProtection().SetApplicationName("CutoverDashboard");
        if (options.DatabaseProvider == DatabaseProvider.PostgreSql)
        {
            services.AddScoped(provider => (PostgresDashboardDbContext)provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
            dataProtection.PersistKeysToDbContext<PostgresDashboardDbContext>().ProtectKeys(keyProtection, contentRoot);
            services.AddSingleton<PostgresSignals>();
            services.AddHostedService(provider => provider.GetRequiredService<PostgresSignals>());
        }
        else
        {
            dataProtection.PersistKeysProtected(Path.Combine(DataFolder(options, contentRoot), "keys"), keyProtection, contentRoot);
        }

        services.AddHostedService<KeyProtection.StartupWarning>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RegionCalendars>();
        services.AddSingleton(provider => provider.GetRequiredService<RegionCalendars>().Official);
        services.AddSingleton<RegionCalendarService>();
        services.AddSingleton<CatchUpDeadlineCalculator>();
        services.AddSingleton<CutoverPlanService>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService<PlannerStatistics>();
        services.AddSingleton<AccountSeeder>();

        services.AddIdentityCore<ApplicationUser>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                // Sign-in never counts failures against the account (anyone could lock anyone out):
                // SignInThrottle counts them per client address. These apply to lockouts set by hand.
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
            })
            .AddSignInManager<DashboardSignInManager>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DashboardClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordBlocklistValidator>();

        services.AddSingleton<AccessScopeResolver>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditQueryService>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<FacilityService>();
        services.AddSingleton<ApiKeys.ApiKeyService>();
        services.AddSingleton<ApiKeys.ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeys.ApiRequestAudit>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<Records.RecordCommands>();
        services.AddSingleton<CatchUp.ReEntry.ReEntryResults>();
        services.AddSingleton<Records.Intake.BulkIntake>();
        services.AddSingleton<Import.RecordImport>();
        services.AddSingleton<HeldPatientService>();
        services.AddSingleton<HeldPatientQueries>();
        services.AddSingleton<HeldPatientDeadlines>();
        services.AddSingleton<DraftService>();
        services.AddSingleton<DraftExpiry>();
        services.AddHostedService(provider => provider.GetRequiredService<DraftExpiry>());
        services.AddSingleton<PaperForms.PaperFormService>();
        services.AddSingleton<PaperForms.PaperFormQueries>();
        services.AddSingleton<PaperForms.FormStockService>();
        services.AddSingleton<CatchUp.CatchUpQueries>();
        services.AddSingleton<CatchUp.CatchUpExporter>();
        var exports = Path.Combine(DataFolder(options, contentRoot), "exports");
        if (options.DatabaseProvider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<CatchUp.SharedExportDownloads>();
        }

        services.AddSingleton(provider => new CatchUp.ExportFileStore(
            provider.GetRequiredService<TimeProvider>(), exports, provider.GetService<CatchUp.SharedExportDownloads>()));
        services.AddHostedService(provider => provider.GetRequiredService<CatchUp.ExportFileStore>());
        services.AddSingleton<RegionActivity>();
        services.AddSingleton<Accounts.AccountChanges>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(new FirstAdminPasswordFile(Path.Combine(DataFolder(options, contentRoot), FirstAdminPasswordFile.FileName)));
        services.AddSingleton<Board.BoardSnapshots>();
        services.AddSingleton<Board.ActivityAcknowledgements>();
        services.AddSingleton<Board.BoardWorkbook>();
        services.AddSingleton<Readiness.ReadinessService>();
        services.AddSingleton<Plans.PlanEditingService>();
        services.AddSingleton<Plans.PlanCreationService>();
        services.AddSingleton<Plans.PlanSettingsService>();
        services.AddNotifications();
        Backup.BackupRegistration.AddDatabaseBackup(services, configuration, contentRoot);
        return services;
    }

    /// <summary>
    /// The configured connection string, or a SQLite file in the data folder (created if missing).
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, DashboardOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Dashboard:DatabaseProvider is {options.DatabaseProvider}: set ConnectionStrings:{ConnectionStringName} to its database.");
        }

        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder(options, contentRoot), "cutover.db") }.ToString();
    }

    /// <summary>
    /// The data folder as an absolute path, created if missing: owner-only, as it holds the database,
    /// the keys and the exports. An existing folder keeps the mode its operator gave it.
    /// </summary>
    public static string DataFolder(DashboardOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }
}
