using Dashboard.Core.Calendar;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class RegionCalendarDayConfiguration : IEntityTypeConfiguration<RegionCalendarDay>
{
    public void Configure(EntityTypeBuilder<RegionCalendarDay> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(RegionCalendarDay.ReasonMaxLength);
        builder.Property(d => d.CreatedByUserId).HasMaxLength(450);
        builder.Property(d => d.CreatedByName).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.Region).WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);

        // One adjustment per region and day; removed ones stay beside the one that replaced them.
        builder.HasIndex(d => new { d.RegionId, d.Date }).IsUnique().HasFilter("\"IsRemoved\" = 0");
    }
}
