using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class HeldPatientConfiguration : PatientRecordConfiguration<HeldPatient>
{
    protected override string KindColumn => nameof(HeldPatient.Category);

    /// <summary>Sorting by start time orders by the admission or, for a visit, its time.</summary>
    protected override IReadOnlyList<string> OtherListColumns { get; } = [nameof(HeldPatient.AdmittedUtc), nameof(HeldPatient.VisitUtc)];

    public override void Configure(EntityTypeBuilder<HeldPatient> builder)
    {
        base.Configure(builder);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Department).HasMaxLength(50);
        builder.Property(p => p.IdNumberReversed).HasMaxLength(30);
        builder.HasMany(p => p.Invoices).WithOne().HasForeignKey(i => i.HeldPatientId).OnDelete(DeleteBehavior.Cascade);
        // The invoice numbers are part of the record: loaded with it, so a change never works on half of it.
        builder.Navigation(p => p.Invoices).AutoInclude();
        builder.Property(p => p.Notes).HasMaxLength(1000);
        builder.Property(p => p.NewPlatformNumber).HasMaxLength(60);
        builder.Property(p => p.VoidReason).HasMaxLength(500);
        builder.Property(p => p.AmountAdvanced).HasConversion(
            yuan => yuan == null ? (long?)null : (long)(yuan.Value * 100m),
            fen => fen == null ? null : fen.Value / 100m);

        // Searching by the start of a name or the end of an ID number seeks these (GLOB prefix), per scope.
        builder.HasIndex(p => new { p.FacilityId, p.PatientName });
        builder.HasIndex(p => new { p.RegionId, p.PatientName });
        builder.HasIndex(p => new { p.FacilityId, p.IdNumberReversed });
        builder.HasIndex(p => new { p.RegionId, p.IdNumberReversed });

        // The same ID number in the region with an overlapping stay: the warning before a save.
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
