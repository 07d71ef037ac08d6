using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(40);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.NameZh).HasMaxLength(100);
        builder.Property(r => r.NameEn).HasMaxLength(100);
        builder.HasOne(r => r.Plan).WithOne(p => p.Region).HasForeignKey<CutoverPlan>(p => p.RegionId);
    }
}
