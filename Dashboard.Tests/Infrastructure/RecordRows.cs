using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Plans;
using Dashboard.Core.Time;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Held patients and paper forms written straight into the database with the status, deadline and
/// times a test needs, for tests of what reads them (catch-up filters, boards). Tests of the
/// commands themselves go through the services.
/// </summary>
internal static class RecordRows
{
    private static readonly TimeZoneInfo Shanghai = RegionTimeZone.Default;

    /// <summary>The stored deadline of a last day: the end of that day in Asia/Shanghai, in UTC.</summary>
    public static DateTime EndOf(int year, int month, int day) =>
        CatchUpDeadlineCalculator.EndOfDayUtc(new DateOnly(year, month, day), Shanghai).UtcDateTime;

    /// <summary>A local Asia/Shanghai time as the UTC instant the database keeps.</summary>
    public static DateTime LocalUtc(int year, int month, int day, int hour = 0, int minute = 0) =>
        SeededPlans.Shanghai(year, month, day, hour, minute).UtcDateTime;

    public static async Task<int> AddHeldAsync(
        this SeededCore core, string facilityCode, string name, HeldPatientStatus status = HeldPatientStatus.Logged,
        HeldPatientCategory category = HeldPatientCategory.InpatientSpanningOutage, DateTime? deadlineUtc = null,
        DateTime? enteredUtc = null, DateTime? resolvedUtc = null)
    {
        ArgumentNullException.ThrowIfNull(core);
        var facility = await core.Facility(facilityCode);
        var entered = enteredUtc ?? core.Clock.GetUtcNow().UtcDateTime;
        var record = new HeldPatient
        {
            FacilityId = facility.Id, RegionId = facility.RegionId, Category = category, Status = status, PatientName = "", IdNumber = TestIds.Resident(),
            AdmittedUtc = entered.AddDays(-1), DeadlineUtc = deadlineUtc, EnteredByUserId = "test", EnteredByName = "test",
            EnteredUtc = entered, UpdatedUtc = resolvedUtc ?? entered, ResolvedUtc = resolvedUtc,
        };
        record.SetPatientName(name);
        await using var db = core.CreateDb();
        db.HeldPatients.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public static async Task<int> AddFormAsync(
        this SeededCore core, string facilityCode, string name, PaperFormStatus status = PaperFormStatus.Received,
        PaperFormKind kind = PaperFormKind.TransferReferral, DateTime? deadlineUtc = null, DateTime? enteredUtc = null, DateTime? resolvedUtc = null)
    {
        ArgumentNullException.ThrowIfNull(core);
        var facility = await core.Facility(facilityCode);
        var entered = enteredUtc ?? core.Clock.GetUtcNow().UtcDateTime;
        var form = new PaperForm
        {
            FacilityId = facility.Id, RegionId = facility.RegionId, Kind = kind, Subkind = kind.Subkinds()[0], Status = status,
            SerialNumber = "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), PatientName = "", IdNumber = TestIds.Resident(),
            IssuedUtc = entered, IssuedBy = "test", DeadlineUtc = deadlineUtc, EnteredByUserId = "test", EnteredByName = "test",
            EnteredUtc = entered, UpdatedUtc = resolvedUtc ?? entered, ResolvedUtc = resolvedUtc,
        };
        form.SetPatientName(name);
        await using var db = core.CreateDb();
        db.PaperForms.Add(form);
        await db.SaveChangesAsync();
        return form.Id;
    }
}
