using Dashboard.Core.Audit;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tools.Seeding;

/// <summary>
/// Generates held-patient records for demos and benchmarks: spread over every active facility,
/// with times consistent with each region's plan and checksum-valid ID numbers. A run is one
/// audit event (who: <see cref="UserName"/>; how many, which seed), not one per record.
/// </summary>
public sealed class SyntheticHeldPatientGenerator(IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The name records and the audit event carry, so synthetic data can be told from real data.</summary>
    public const string UserName = "synthetic";

    private const int BatchSize = 5000;

    private static readonly Dictionary<string, string> AreaCodes = new()
    {
        ["hefei"] = "340104", ["rehearsal"] = "340102", ["hengyang"] = "430405", ["panzhihua"] = "510402",
        ["xinzhou"] = "140902", ["zhejiang"] = "330106",
    };

    private static readonly string[] Departments = ["内科", "外科", "妇产科", "儿科", "骨科", "心内科", "神经内科", "肿瘤科", "急诊科", "门诊药房"];

    public async Task<int> GenerateAsync(int count, int seed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var people = new SyntheticPeople(random);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<Facility> facilities;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            facilities = await db.Facilities.AsNoTracking().Include(f => f.Region).Where(f => f.IsActive).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        }

        if (facilities.Count == 0)
        {
            throw new InvalidOperationException("There are no active facilities to log patients at. Start the app once in demo mode, or add facilities.");
        }

        var regionPlans = new Dictionary<int, RegionPlan>();
        foreach (var regionId in facilities.Select(f => f.RegionId).Distinct())
        {
            regionPlans[regionId] = (await plans.GetPlanAsync(regionId, cancellationToken))!;
        }

        var written = 0;
        while (written < count)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Math.Min(BatchSize, count - written);
            for (var i = 0; i < batch; i++)
            {
                var facility = facilities[random.Next(facilities.Count)];
                db.HeldPatients.Add(Create(random, people, facility, regionPlans[facility.RegionId], now, today));
            }

            await db.SaveChangesAsync(cancellationToken);
            written += batch;
            progress?.Report(written);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }

        await audit.RecordAsync(null, UserName, null, null, AuditActions.Create, nameof(HeldPatient), details: new { Generated = written, Seed = seed }, cancellationToken: cancellationToken);
        return written;
    }

    private static HeldPatient Create(Random random, SyntheticPeople people, Facility facility, RegionPlan plan, DateTimeOffset now, DateOnly today)
    {
        var stop = plan.OutageStartsUtc?.UtcDateTime ?? now.UtcDateTime.AddDays(-10);
        var live = plan.GoLiveUtc?.UtcDateTime ?? stop.AddDays(10);
        var outageStarted = stop < now.UtcDateTime;
        var category = outageStarted ? (HeldPatientCategory)random.Next(6) : HeldPatientCategory.InpatientSpanningOutage;
        var outageEnd = live < now.UtcDateTime ? live : now.UtcDateTime;
        DateTime During() => stop.AddMinutes(random.NextDouble() * Math.Max((outageEnd - stop).TotalMinutes - 1, 1));
        var before = (outageStarted ? stop : now.UtcDateTime).AddMinutes(-random.Next(60, 20 * 24 * 60));
        DateTime? admitted = category switch
        {
            HeldPatientCategory.InpatientSpanningOutage or HeldPatientCategory.MaternityOrSingleDisease => before,
            HeldPatientCategory.InpatientAdmittedDuringOutage => During(),
            HeldPatientCategory.InpatientDischargedDuringOutage => before,
            _ => null,
        };
        DateTime? visit = category is HeldPatientCategory.OutpatientAdvance or HeldPatientCategory.RemoteCare ? During() : null;
        var status = outageStarted && live < now.UtcDateTime ? (HeldPatientStatus)random.Next(5) : HeldPatientStatus.Logged;
        var invoices = Enumerable.Range(0, random.Next(0, 3)).Select(_ => new HeldPatientInvoice { Number = people.Invoice() }).ToList();
        var idNumber = people.ResidentId(AreaCodes.GetValueOrDefault(facility.Region!.Code, "110101"), today);
        var entered = (admitted ?? visit ?? now.UtcDateTime).AddMinutes(random.Next(5, 600));
        var name = people.Name();
        var record = new HeldPatient
        {
            FacilityId = facility.Id,
            RegionId = facility.RegionId,
            Category = category,
            PatientName = name,
            IdDocumentType = IdDocumentType.ResidentId,
            IdNumber = idNumber,
            IdNumberReversed = HeldPatientService.Reverse(idNumber),
            InsuranceType = (InsuranceType)random.Next(4),
            Phone = random.Next(10) < 8 ? people.Mobile() : null,
            AdmittedUtc = admitted,
            DischargedUtc = category == HeldPatientCategory.InpatientDischargedDuringOutage ? During() : null,
            VisitUtc = visit,
            Department = Departments[random.Next(Departments.Length)],
            AmountAdvanced = category == HeldPatientCategory.OutpatientAdvance ? random.Next(1_000, 500_000) / 100m : null,
            Invoices = invoices,
            Status = status,
            NewPlatformNumber = status is HeldPatientStatus.ReRegistered or HeldPatientStatus.Settled or HeldPatientStatus.Closed ? "NP" + random.Next(10_000_000, 99_999_999) : null,
            VoidReason = status == HeldPatientStatus.Voided ? "重复登记" : null,
            DeadlineUtc = plan.CatchUp.EndsUtc?.UtcDateTime,
            EnteredByUserId = UserName,
            EnteredByName = UserName,
            EnteredUtc = entered < now.UtcDateTime ? entered : now.UtcDateTime,
            UpdatedUtc = now.UtcDateTime,
            ResolvedUtc = status is HeldPatientStatus.Closed or HeldPatientStatus.Voided ? live.AddDays(random.Next(0, 12)) : null,
        };
        record.SetPatientName(name);
        return record;
    }
}
