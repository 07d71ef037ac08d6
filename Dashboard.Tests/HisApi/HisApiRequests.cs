using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.HisApi;

/// <summary>Request bodies as a hospital system would send them (JSON property names, enums as text).</summary>
internal static class HisApiRequests
{
    /// <summary>An inpatient admitted before the rehearsal's stop: valid at the tests' first start.</summary>
    public static Dictionary<string, object?> HeldPatient(string name, string idNumber) => new()
    {
        ["category"] = "InpatientSpanningOutage",
        ["patientName"] = name,
        ["idDocumentType"] = "ResidentId",
        ["idNumber"] = idNumber,
        ["insuranceType"] = "Employee",
        ["phone"] = "13912345678",
        ["admittedAt"] = "2026-11-20 09:30",
        ["department"] = "内科",
        ["invoiceNumbers"] = "INV-0001",
    };

    public static Dictionary<string, object?> PaperForm(string serial, int idStart = 400) => new()
    {
        ["kind"] = "TransferReferral",
        ["subkind"] = "InCity",
        ["serialNumber"] = serial,
        ["patientName"] = "转院患者",
        ["idNumber"] = TestIds.Resident(start: idStart),
        ["destination"] = "演练市中医医院",
        ["issuedAt"] = "2026-11-21 15:00",
        ["issuedBy"] = "李医生",
    };

    public static string HeldPatientsPath(int facilityId) => $"/api/v1/facilities/{facilityId}/held-patients";

    public static string PaperFormsPath(int facilityId) => $"/api/v1/facilities/{facilityId}/paper-forms";
}
