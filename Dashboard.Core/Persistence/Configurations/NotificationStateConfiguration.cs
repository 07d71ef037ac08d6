using Dashboard.Core.Notifications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class NotificationCursorConfiguration : IEntityTypeConfiguration<NotificationCursor>
{
    public void Configure(EntityTypeBuilder<NotificationCursor> builder) => builder.Property(c => c.Id).ValueGeneratedNever();
}

internal sealed class OverdueWatchConfiguration : IEntityTypeConfiguration<OverdueWatch>
{
    public void Configure(EntityTypeBuilder<OverdueWatch> builder)
    {
        builder.HasKey(w => new { w.TargetId, w.FacilityId });
        builder.HasOne<WebhookTarget>().WithMany().HasForeignKey(w => w.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(w => w.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}
