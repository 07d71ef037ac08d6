using Dashboard.Core.Readiness;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class ReadinessCheckInConfiguration : IEntityTypeConfiguration<ReadinessCheckIn>
{
    public void Configure(EntityTypeBuilder<ReadinessCheckIn> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.ByUserId).HasMaxLength(450);
        builder.Property(c => c.ByName).HasMaxLength(256);
        builder.Ignore(c => c.IsComplete);
        builder.HasOne<Facilities.Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RegionId, c.Stage, c.FacilityId });
    }
}
