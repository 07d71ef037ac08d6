using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class AuditChainLinkConfiguration : IEntityTypeConfiguration<AuditChainLink>
{
    public void Configure(EntityTypeBuilder<AuditChainLink> builder)
    {
        builder.ToTable(AuditChain.Table);
        builder.HasKey(l => l.AuditEventId);
        builder.Property(l => l.AuditEventId).ValueGeneratedNever();
        builder.Property(l => l.Hash).HasMaxLength(64);
    }
}
