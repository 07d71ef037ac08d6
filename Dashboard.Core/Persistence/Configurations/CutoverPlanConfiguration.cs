using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class CutoverPlanConfiguration : IEntityTypeConfiguration<CutoverPlan>
{
    public void Configure(EntityTypeBuilder<CutoverPlan> builder)
    {
        builder.Property(p => p.OldSystemNameZh).HasMaxLength(200);
        builder.Property(p => p.OldSystemNameEn).HasMaxLength(200);
        builder.Property(p => p.NewSystemNameZh).HasMaxLength(200);
        builder.Property(p => p.NewSystemNameEn).HasMaxLength(200);
        builder.Property(p => p.TimeZoneId).HasMaxLength(60);
        builder.Property(p => p.SourceNotice).HasMaxLength(PlanSettingsService.SourceTitleMaxLength);
        builder.Property(p => p.SourceIssuer).HasMaxLength(PlanSettingsService.SourceIssuerMaxLength);
        builder.Property(p => p.SourceDocumentNumber).HasMaxLength(PlanSettingsService.SourceDocumentNumberMaxLength);
        builder.Property(p => p.SourceUrl).HasMaxLength(PlanSettingsService.SourceUrlMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Milestones).WithOne(m => m.Plan).HasForeignKey(m => m.PlanId);
    }
}
