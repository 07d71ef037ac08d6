using Dashboard.Core.Calendar;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Dashboard.Core.Persistence;

/// <summary>
/// The same model on PostgreSQL, with its own migrations (Persistence/Postgres/Migrations) and two
/// additions for several nodes: the Data Protection keys that sign-in cookies need on every node.
/// </summary>
public sealed class PostgresDashboardDbContext : DashboardDbContext, IDataProtectionKeyContext
{
    public PostgresDashboardDbContext(DbContextOptions<DashboardDbContext> options)
        : base((DbContextOptions)options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Finished exports waiting for their download, so that any node serves it (<see cref="CatchUp.SharedExportDownloads"/>).</summary>
    public DbSet<CatchUp.ExportDownload> ExportDownloads => Set<CatchUp.ExportDownload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // PostgreSQL compares a boolean with a boolean, not with 0 as SQLite does.
        builder.Entity<RegionCalendarDay>().HasIndex(d => new { d.RegionId, d.Date }).IsUnique().HasFilter("\"IsRemoved\" = FALSE");
        builder.Entity<CatchUp.ExportDownload>(download =>
        {
            download.ToTable(CatchUp.SharedExportDownloads.Table);
            download.HasKey(d => d.Token);
            download.Property(d => d.Token).HasMaxLength(64);
            download.Property(d => d.UserId).HasMaxLength(450);
            download.Property(d => d.FileName).HasMaxLength(300);
            download.HasIndex(d => d.ExpiresUtc);
        });
    }

    protected override SqlExpression TranslatePrefix(IReadOnlyList<SqlExpression> arguments) => TextPrefix.Like(arguments);
}
