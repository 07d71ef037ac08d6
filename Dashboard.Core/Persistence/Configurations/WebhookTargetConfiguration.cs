using Dashboard.Core.Notifications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class WebhookTargetConfiguration : IEntityTypeConfiguration<WebhookTarget>
{
    public void Configure(EntityTypeBuilder<WebhookTarget> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Url).HasMaxLength(WebhookUrl.MaxLength);
        builder.Property(t => t.Secret).HasMaxLength(200);
        // A combination of flags: stored as its number, not as the enum's name like other enums.
        builder.Property(t => t.Events).HasConversion<int>();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Region).WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.RegionId);
    }
}
