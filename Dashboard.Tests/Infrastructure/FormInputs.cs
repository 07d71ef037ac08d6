using Dashboard.Core.PaperForms;

namespace Dashboard.Tests.Infrastructure;

/// <summary>What a desk types into the forms, valid unless a test changes it.</summary>
internal static class FormInputs
{
    /// <summary>A signed in-city transfer of the rehearsal's first hospital, as typed into the paper-form form.</summary>
    public static async Task<PaperFormInput> TransferAsync(
        this SeededCore core, string serial, string facilityCode = "REH-H01", int? heldPatientId = null) => new()
    {
        FacilityId = (await core.Facility(facilityCode)).Id,
        Kind = PaperFormKind.TransferReferral,
        Subkind = PaperFormSubkind.InCity,
        SerialNumber = serial,
        PatientName = "转院患者",
        IdNumber = TestIds.Resident(start: 400),
        Destination = "演练市中医医院",
        IssuedAt = "2026-11-21 15:00",
        IssuedBy = "李医生",
        HeldPatientId = heldPatientId,
    };
}
