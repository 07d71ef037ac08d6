using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.TitleZh).HasMaxLength(300);
        builder.Property(m => m.TitleEn).HasMaxLength(300);
        builder.Property(m => m.NoteZh).HasMaxLength(2000);
        builder.Property(m => m.NoteEn).HasMaxLength(2000);
        builder.Property(m => m.Owner).HasMaxLength(100);
        builder.Property(m => m.ConditionZh).HasMaxLength(300);
        builder.Property(m => m.ConditionEn).HasMaxLength(300);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.PlanId, m.DueUtc });
    }
}
