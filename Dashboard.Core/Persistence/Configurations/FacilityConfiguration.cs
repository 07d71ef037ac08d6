using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(40);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.ContactPhone).HasMaxLength(40);
        builder.Property(f => f.Address).HasMaxLength(300);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne(f => f.Region).WithMany().HasForeignKey(f => f.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.RegionId, f.Name });
    }
}
