using Dashboard.Core.Accounts;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Dashboard.Core.Persistence;

/// <summary>
/// The application's database, on SQLite (the embedded default). <see cref="PostgresDashboardDbContext"/>
/// is the same model on PostgreSQL with its own migrations; the app creates one or the other
/// (<see cref="DashboardDbContextFactory"/>). Add a migration to both with <c>Dashboard.Core/add-migration.sh Name</c>.
/// </summary>
public class DashboardDbContext : IdentityUserContext<ApplicationUser>
{
    public DashboardDbContext(DbContextOptions<DashboardDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider's own context type: EF finds each provider's migrations by it.</summary>
    protected DashboardDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<CutoverPlan> CutoverPlans => Set<CutoverPlan>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<UserRegion> UserRegions => Set<UserRegion>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditChainLink> AuditChain => Set<AuditChainLink>();

    public DbSet<HeldPatient> HeldPatients => Set<HeldPatient>();

    public DbSet<FormDraft> FormDrafts => Set<FormDraft>();

    public DbSet<PaperForm> PaperForms => Set<PaperForm>();

    public DbSet<FormStockRange> FormStockRanges => Set<FormStockRange>();

    public DbSet<Readiness.ReadinessCheckIn> ReadinessCheckIns => Set<Readiness.ReadinessCheckIn>();

    public DbSet<Notifications.WebhookTarget> WebhookTargets => Set<Notifications.WebhookTarget>();

    public DbSet<Notifications.NotificationMessage> NotificationMessages => Set<Notifications.NotificationMessage>();

    public DbSet<Notifications.DeliveryAttempt> DeliveryAttempts => Set<Notifications.DeliveryAttempt>();

    public DbSet<Notifications.NotificationCursor> NotificationCursors => Set<Notifications.NotificationCursor>();

    public DbSet<Notifications.OverdueWatch> OverdueWatches => Set<Notifications.OverdueWatch>();

    public DbSet<Calendar.RegionCalendarDay> RegionCalendarDays => Set<Calendar.RegionCalendarDay>();

    public DbSet<Accounts.RevokedSession> RevokedSessions => Set<Accounts.RevokedSession>();

    public DbSet<ApiKeys.ApiKey> ApiKeys => Set<ApiKeys.ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
        builder.HasDbFunction(TextPrefix.MatchesMethod).HasTranslation(TranslatePrefix);
    }

    /// <summary>How this engine says "starts with" (<see cref="TextPrefix"/>).</summary>
    protected virtual Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression TranslatePrefix(
        IReadOnlyList<Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlExpression> arguments) => TextPrefix.Glob(arguments);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC text that SQLite sorts and compares correctly.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
