using Dashboard.Core.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

/// <summary>What every kind of patient record stores alike: sizes, the version check, its facility and region, and the indexes lists page by.</summary>
internal abstract class PatientRecordConfiguration<T> : IEntityTypeConfiguration<T>
    where T : PatientRecord
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.Property(r => r.PatientName).HasMaxLength(50);
        builder.Property(r => r.IdNumber).HasMaxLength(30);
        builder.Property(r => r.EnteredByUserId).HasMaxLength(450);
        builder.Property(r => r.EnteredByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Facility).WithMany().HasForeignKey(r => r.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plans.Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);

        // Lists page in the database: a desk's by FacilityId, supervisors' and managers' by RegionId,
        // each with the sort column next (see the benchmark). Sorting by name uses the pinyin key.
        builder.HasIndex(r => new { r.FacilityId, r.EnteredUtc });
        builder.HasIndex(r => new { r.RegionId, r.EnteredUtc });
        builder.HasIndex(r => new { r.FacilityId, r.PatientNameSortKey });
        builder.HasIndex(r => new { r.RegionId, r.PatientNameSortKey });
    }
}
