using Dashboard.Core.Notifications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> builder)
    {
        builder.Property(m => m.EventKey).HasMaxLength(120);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasOne(m => m.Target).WithMany().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Restrict);
        // The same event is never queued twice for a target.
        builder.HasIndex(m => new { m.TargetId, m.EventKey }).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
    }
}
