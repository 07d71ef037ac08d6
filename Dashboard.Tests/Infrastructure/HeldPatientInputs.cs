using Dashboard.Core.HeldPatients;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Held-patient entries as a desk types them, for tests that go through the services.</summary>
internal static class HeldPatientInputs
{
    /// <summary>An inpatient admitted before the rehearsal's stop (2026-11-24 12:00 local), still in care: valid at the seeded clock.</summary>
    public static HeldPatientInput Spanning(string name, string? id = null, string? invoices = "INV-0001") => new()
    {
        Category = HeldPatientCategory.InpatientSpanningOutage,
        PatientName = name,
        IdNumber = id ?? TestIds.Resident(),
        Phone = "13912345678",
        AdmittedAt = "2026-11-20 09:30",
        InvoiceNumbers = invoices,
    };
}
