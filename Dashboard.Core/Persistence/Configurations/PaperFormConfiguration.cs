using Dashboard.Core.PaperForms;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Persistence.Configurations;

internal sealed class PaperFormConfiguration : PatientRecordConfiguration<PaperForm>
{
    /// <summary>
    /// The other sorts (issue time, form number) and what a search matches (the number, the start of
    /// the name, the end of the ID number): paper forms are far fewer than held patients, so a search
    /// reads the scope's index entries instead of costing every insert three more indexes.
    /// </summary>
    protected override IReadOnlyList<string> OtherListColumns { get; } =
        [nameof(PaperForm.IssuedUtc), nameof(PaperForm.SerialNumber), nameof(PaperForm.PatientName), nameof(PaperForm.IdNumber)];

    protected override string KindColumn => nameof(PaperForm.Kind);

    public override void Configure(EntityTypeBuilder<PaperForm> builder)
    {
        base.Configure(builder);
        // A form may belong to a held patient (a transfer of an inpatient); the patient is never deleted under it.
        builder.HasOne(f => f.HeldPatient).WithMany().HasForeignKey(f => f.HeldPatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.SerialNumber).HasMaxLength(30);
        builder.Property(f => f.FromPlace).HasMaxLength(100);
        builder.Property(f => f.Destination).HasMaxLength(100);
        builder.Property(f => f.Reason).HasMaxLength(500);
        builder.Property(f => f.IssuedBy).HasMaxLength(50);
        builder.Property(f => f.FilingNumber).HasMaxLength(60);
        builder.Property(f => f.StatusReason).HasMaxLength(500);

        // A form number is printed once per facility: the database refuses a second form with it. A desk's
        // list sorted by number walks it too.
        builder.HasIndex(f => new { f.FacilityId, f.SerialNumber }).IsUnique();
        builder.HasIndex(f => f.HeldPatientId);
    }
}

internal sealed class FormStockRangeConfiguration : IEntityTypeConfiguration<FormStockRange>
{
    public void Configure(EntityTypeBuilder<FormStockRange> builder)
    {
        builder.Property(r => r.Prefix).HasMaxLength(20);
        builder.Property(r => r.IssuedTo).HasMaxLength(100);
        builder.Property(r => r.EnteredByName).HasMaxLength(256);
        builder.HasOne<Facilities.Facility>().WithMany().HasForeignKey(r => r.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.FacilityId, r.Kind, r.First });
    }
}
