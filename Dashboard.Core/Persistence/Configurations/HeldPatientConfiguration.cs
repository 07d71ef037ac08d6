using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class HeldPatientConfiguration : IEntityTypeConfiguration<HeldPatient>
{
    public void Configure(EntityTypeBuilder<HeldPatient> builder)
    {
        builder.Property(p => p.PatientName).HasMaxLength(50);
        builder.Property(p => p.IdNumber).HasMaxLength(30);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Department).HasMaxLength(50);
        builder.Property(p => p.IdNumberReversed).HasMaxLength(30);
        builder.HasMany(p => p.Invoices).WithOne().HasForeignKey(i => i.HeldPatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Notes).HasMaxLength(1000);
        builder.Property(p => p.NewPlatformNumber).HasMaxLength(60);
        builder.Property(p => p.VoidReason).HasMaxLength(500);
        builder.Property(p => p.EnteredByUserId).HasMaxLength(450);
        builder.Property(p => p.EnteredByName).HasMaxLength(256);
        builder.Property(p => p.AmountAdvanced).HasConversion(
            yuan => yuan == null ? (long?)null : (long)(yuan.Value * 100m),
            fen => fen == null ? null : fen.Value / 100m);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Facility).WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plans.Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);

        // Lists page, sort and filter in the database: a facility's desk by FacilityId, supervisors
        // and managers by RegionId, each with the sort or search column next (see the benchmark).
        builder.HasIndex(p => new { p.FacilityId, p.EnteredUtc });
        builder.HasIndex(p => new { p.FacilityId, p.PatientName });
        builder.HasIndex(p => new { p.FacilityId, p.PatientNameSortKey });
        builder.HasIndex(p => new { p.FacilityId, p.DeadlineUtc });
        builder.HasIndex(p => new { p.FacilityId, p.Status, p.DeadlineUtc });
        builder.HasIndex(p => new { p.FacilityId, p.IdNumberReversed });
        builder.HasIndex(p => new { p.FacilityId, p.Category, p.Status, p.DeadlineUtc });
        builder.HasIndex(p => new { p.RegionId, p.EnteredUtc });
        builder.HasIndex(p => new { p.RegionId, p.PatientName });
        builder.HasIndex(p => new { p.RegionId, p.PatientNameSortKey });
        builder.HasIndex(p => new { p.RegionId, p.DeadlineUtc });
        builder.HasIndex(p => new { p.RegionId, p.Status, p.DeadlineUtc });
        builder.HasIndex(p => new { p.RegionId, p.IdNumberReversed });
        builder.HasIndex(p => new { p.RegionId, p.Category, p.Status, p.DeadlineUtc });
        builder.HasIndex(p => new { p.RegionId, p.IdNumber });
    }
}

internal sealed class HeldPatientInvoiceConfiguration : IEntityTypeConfiguration<HeldPatientInvoice>
{
    public void Configure(EntityTypeBuilder<HeldPatientInvoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(40);
        builder.HasIndex(i => i.Number);
    }
}

internal sealed class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.FormKey).HasMaxLength(100);
        builder.HasIndex(d => new { d.UserId, d.FormKey }).IsUnique();
    }
}
