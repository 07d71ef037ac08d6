using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Records;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tools.Seeding;

/// <summary>A made-up held patient: what a desk would type, and the history the demo gives the record once it is entered.</summary>
public sealed record SyntheticHeldPatient(HeldPatientIntakeRow Row, HeldPatient History);

/// <summary>
/// Made-up held patients at the active facilities of a database, typed as a desk types them: local
/// times in whole minutes consistent with each region's plan, checksum-valid ID numbers of the
/// region's area, mobiles, invoice numbers. Deterministic for a seed.
/// </summary>
public sealed class SyntheticHeldPatients
{
    /// <summary>The name records and audit events carry, so synthetic data can be told from real data.</summary>
    public const string UserName = "synthetic";

    private static readonly Dictionary<string, string> AreaCodes = new()
    {
        ["hefei"] = "340104", ["rehearsal"] = "340102", ["hengyang"] = "430405", ["panzhihua"] = "510402",
        ["xinzhou"] = "140902", ["zhejiang"] = "330106",
    };

    private static readonly string[] Departments = ["内科", "外科", "妇产科", "儿科", "骨科", "心内科", "神经内科", "肿瘤科", "急诊科", "门诊药房"];

    private readonly Random _random;
    private readonly SyntheticPeople _people;
    private readonly Dictionary<int, RegionPlan> _plans;
    private readonly DateTimeOffset _now;

    private SyntheticHeldPatients(IReadOnlyList<Facility> facilities, Dictionary<int, RegionPlan> plans, int seed, DateTimeOffset now)
    {
        Facilities = facilities;
        _plans = plans;
        _random = new Random(seed);
        _people = new SyntheticPeople(_random);
        _now = now;
    }

    /// <summary>The active facilities, by id.</summary>
    public IReadOnlyList<Facility> Facilities { get; }

    /// <summary>The synthetic writer's scope: an administrator importing into every region, with no facility of its own.</summary>
    public AccessScope Scope => new(UserName, UserName, UserRole.Admin, null, _plans.Keys.ToHashSet(), null);

    public static async Task<SyntheticHeldPatients> LoadAsync(
        IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, int seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(plans);
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
            regionPlans[regionId] = await plans.GetPlanAsync(regionId, cancellationToken)
                ?? throw new InvalidOperationException($"Region {regionId} has no plan to log patients against.");
        }

        return new SyntheticHeldPatients(facilities, regionPlans, seed, now);
    }

    /// <summary>The next patient, at a facility picked at random.</summary>
    public SyntheticHeldPatient Next() => Next(Facilities[_random.Next(Facilities.Count)]);

    public SyntheticHeldPatient Next(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var random = _random;
        var now = _now.UtcDateTime;
        var plan = _plans[facility.RegionId];
        var stop = plan.OutageStartsUtc?.UtcDateTime ?? now.AddDays(-10);
        var live = plan.GoLiveUtc?.UtcDateTime ?? stop.AddDays(10);
        var outageStarted = stop < now;
        var category = outageStarted ? (HeldPatientCategory)random.Next(6) : HeldPatientCategory.InpatientSpanningOutage;
        var outageEnd = live < now ? live : now;

        // Whole minutes, as a desk types them, within the outage (its last minute excluded).
        DateTime During() => stop.AddMinutes(Math.Floor(random.NextDouble() * Math.Max((outageEnd - stop).TotalMinutes - 1, 1)));
        var before = (outageStarted ? stop : now).AddMinutes(-random.Next(60, 20 * 24 * 60));
        DateTime? admitted = category switch
        {
            HeldPatientCategory.InpatientSpanningOutage or HeldPatientCategory.MaternityOrSingleDisease => before,
            HeldPatientCategory.InpatientAdmittedDuringOutage => During(),
            HeldPatientCategory.InpatientDischargedDuringOutage => before,
            _ => null,
        };
        DateTime? visit = category is HeldPatientCategory.OutpatientAdvance or HeldPatientCategory.RemoteCare ? During() : null;
        DateTime? discharged = category == HeldPatientCategory.InpatientDischargedDuringOutage ? During() : null;
        var status = outageStarted && live < now ? (HeldPatientStatus)random.Next(5) : HeldPatientStatus.Logged;
        var invoices = Enumerable.Range(0, random.Next(0, 3)).Select(_ => _people.Invoice()).ToList();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, plan.TimeZone));
        var idNumber = _people.ResidentId(AreaCodes.GetValueOrDefault(facility.Region!.Code, "110101"), today);
        var entered = (admitted ?? visit ?? now).AddMinutes(random.Next(5, 600));
        string? Local(DateTime? utc) => LocalTimeText.FromUtc(utc, plan.TimeZone);
        var input = new HeldPatientInput
        {
            Category = category,
            PatientName = _people.Name(),
            IdDocumentType = IdDocumentType.ResidentId,
            IdNumber = idNumber,
            InsuranceType = (InsuranceType)random.Next(4),
            Phone = random.Next(10) < 8 ? _people.Mobile() : null,
            AdmittedAt = Local(admitted),
            DischargedAt = Local(discharged),
            VisitAt = Local(visit),
            Department = Departments[random.Next(Departments.Length)],
            Amount = category == HeldPatientCategory.OutpatientAdvance ? (random.Next(1_000, 500_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null,
            InvoiceNumbers = invoices.Count == 0 ? null : string.Join(",", invoices),
        };
        var history = new HeldPatient
        {
            PatientName = "", IdNumber = "", EnteredByUserId = "", EnteredByName = "",
            Status = status,
            NewPlatformNumber = status is HeldPatientStatus.ReRegistered or HeldPatientStatus.Settled or HeldPatientStatus.Closed ? "NP" + random.Next(10_000_000, 99_999_999) : null,
            VoidReason = status == HeldPatientStatus.Voided ? "重复登记" : null,
            EnteredUtc = entered < now ? entered : now,
            ResolvedUtc = status is HeldPatientStatus.Closed or HeldPatientStatus.Voided ? live.AddDays(random.Next(0, 12)) : null,
        };
        return new SyntheticHeldPatient(new HeldPatientIntakeRow(facility.Id, input), history);
    }
}
