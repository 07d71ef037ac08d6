using Dashboard.Core.ApiKeys;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.KeyId).HasMaxLength(ApiKeyToken.KeyIdLength);
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Property(k => k.Name).HasMaxLength(ApiKeyService.NameMaxLength);
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450);
        builder.Property(k => k.CreatedByName).HasMaxLength(256);
        builder.Property(k => k.RevokedByName).HasMaxLength(256);
        builder.HasOne(k => k.Facility).WithMany().HasForeignKey(k => k.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.FacilityId);
    }
}
