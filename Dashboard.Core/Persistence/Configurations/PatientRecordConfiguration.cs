using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

/// <summary>What every kind of patient record stores alike: sizes, the version check, its facility and region, and the indexes lists page by.</summary>
internal abstract class PatientRecordConfiguration<T> : IEntityTypeConfiguration<T>
    where T : PatientRecord
{
    private const string Status = "Status";

    /// <summary>The kind's own filter column: a held patient's category, a paper form's kind.</summary>
    protected abstract string KindColumn { get; }

    /// <summary>The kind's other list columns: what its lists sort by (start time; issue time, form number) and, for paper forms, search.</summary>
    protected abstract IReadOnlyList<string> OtherListColumns { get; }

    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.Property(r => r.PatientName).HasMaxLength(50);
        builder.Property(r => r.IdNumber).HasMaxLength(30);
        builder.Property(r => r.EnteredByUserId).HasMaxLength(450);
        builder.Property(r => r.EnteredByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Facility).WithMany().HasForeignKey(r => r.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plans.Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);

        // The list indexes, three per scope: a desk's lists are one facility (FacilityId = ?), a
        // supervisor's or manager's their regions (RegionId IN (...)). With them a list finds its page and
        // its count in index entries alone and then reads only the page's rows, by id (RecordPages).
        // Ties are broken by Id, which follows the leading columns so the order is the index's own.
        // Only the status index carries every list column: SQLite picks the narrowest index that covers
        // a query, so the narrow ones win the queries they walk in order (with IN over regions, an index
        // in order within each region lets SQLite stop a region's walk once the page is full).
        // Checked by Dashboard.Tests/Performance/ListQueryPlanTests; measured by benchmark-held-patients.
        // Each index costs every insert: these six replace the nine narrower ones lists used before.
        var table = builder.Metadata.GetTableName();
        string[] filters = [Status, KindColumn, nameof(PatientRecord.DeadlineUtc)];
        foreach (var scope in new[] { nameof(PatientRecord.FacilityId), nameof(PatientRecord.RegionId) })
        {
            // A facility's index also carries the region, and a region's the facility: a supervisor who
            // picks one facility of the catch-up list (RegionId IN (...) AND FacilityId = ?) and the board's
            // and the export summary's per-facility backlog read index entries only.
            string[] otherScope = scope == nameof(PatientRecord.FacilityId) ? [nameof(PatientRecord.RegionId)] : [nameof(PatientRecord.FacilityId)];

            // Newest first, every list's default (the catch-up lists' oldest first), walks this in order,
            // with or without a category, kind or overdue filter; sorts by category or kind, status or
            // deadline sort its entries.
            builder.HasIndex([scope, nameof(PatientRecord.EnteredUtc), nameof(PatientRecord.Id), .. filters,
                    .. scope == nameof(PatientRecord.FacilityId) ? otherScope : []])
                .HasDatabaseName($"IX_{table}_{scope}_Newest");

            // A status filter walks newest first here, and so do overdue (the open statuses), the
            // catch-up lists (open only) and the board's counts. It carries every other list column
            // (name key, start, issue time, form number, what a paper-form search matches), so the other
            // sorts and searches read its entries instead of the table.
            builder.HasIndex([scope, Status, nameof(PatientRecord.EnteredUtc), nameof(PatientRecord.Id), KindColumn, nameof(PatientRecord.DeadlineUtc),
                    nameof(PatientRecord.PatientNameSortKey), .. OtherListColumns, .. otherScope])
                .HasDatabaseName($"IX_{table}_{scope}_Status");

            // Sorting by name walks the pinyin key in order, with or without a filter.
            builder.HasIndex([scope, nameof(PatientRecord.PatientNameSortKey), nameof(PatientRecord.Id), .. filters])
                .HasDatabaseName($"IX_{table}_{scope}_Name");
        }
    }
}
