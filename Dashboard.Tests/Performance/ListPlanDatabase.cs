using Dashboard.Core.Access;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Performance;

/// <summary>
/// A database as production has it, built once for the plan tests: migrated and seeded at first start
/// (when there is nothing to analyze yet), then records spread over every facility and region, then the
/// planner statistics refreshed as the app does every hour (<see cref="PlannerStatistics"/>). A few
/// thousand records make SQLite choose the same plans as 200,000 (checked by pointing
/// <c>LIST_PLANS_DATABASE</c> at a copy of a large database, e.g. one filled by generate-demo-data).
/// </summary>
public sealed class ListPlanDatabase : IAsyncLifetime
{
    public const int HeldPatientRows = 4000;
    public const int PaperFormRows = 2000;

    private static readonly string[] Names = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞", "徐涛", "孙丽", "马超", "朱红", "胡斌", "郭燕", "何平", "高翔", "林峰", "罗琳"];

    private readonly TempDatabase _database = new();
    private ServiceProvider? _services;

    internal CapturedCommands Captured { get; } = new();

    public FakeTimeProvider Clock { get; } = new(TestClocks.FirstStart);

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        var copy = Environment.GetEnvironmentVariable("LIST_PLANS_DATABASE");
        if (string.IsNullOrEmpty(copy))
        {
            await CoreServices.SeedAsync(_database, Clock);
        }
        else
        {
            File.Copy(copy, _database.FilePath, overwrite: true);
        }

        var services = new ServiceCollection().AddTestCore(_database, Clock);
        services.ConfigureDbContext<DashboardDbContext>(options => options.AddInterceptors(Captured));
        _services = services.BuildServiceProvider();
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        if (string.IsNullOrEmpty(copy))
        {
            await AddRecordsAsync(db);
        }
        else
        {
            // A restart of the app on that database: migrated to this version's indexes.
            await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        await PlannerStatistics.RefreshAsync(db);
    }

    public async Task<AccessScope> ScopeOf(string userName)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(id, null) ?? throw new InvalidOperationException($"{userName} is disabled.");
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _database.Dispose();
    }

    /// <summary>Records in every status, category or kind, at every facility; half the regions past their deadline.</summary>
    private async Task AddRecordsAsync(DashboardDbContext db)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.RegionId }).ToListAsync();
        DateTime Deadline(int regionId) => regionId % 2 == 0 ? now.AddDays(-3) : now.AddDays(10);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < HeldPatientRows; i++)
        {
            var facility = facilities[i % facilities.Count];
            var category = (HeldPatientCategory)(i % 6);
            var entered = now.AddMinutes(-7 * i);
            var id = $"34010419900307{i % 10000:D4}";
            var record = new HeldPatient
            {
                FacilityId = facility.Id, RegionId = facility.RegionId, Category = category, Status = (HeldPatientStatus)(i / 3 % 5),
                PatientName = "", IdNumber = id, IdNumberReversed = HeldPatient.Reversed(id), DeadlineUtc = Deadline(facility.RegionId),
                AdmittedUtc = category.IsInpatient() ? entered.AddDays(-2) : null, VisitUtc = category.IsInpatient() ? null : entered.AddHours(-3),
                Invoices = i % 10 == 0 ? [new HeldPatientInvoice { Number = $"FP2026{i:D6}" }] : [],
                EnteredByUserId = "plans", EnteredByName = "plans", EnteredUtc = entered, UpdatedUtc = entered,
            };
            record.SetPatientName(Names[i % Names.Length] + (i % 7 == 0 ? "" : Names[i / 7 % Names.Length][1..]));
            db.HeldPatients.Add(record);
        }

        for (var i = 0; i < PaperFormRows; i++)
        {
            var facility = facilities[i % facilities.Count];
            var kind = (PaperFormKind)(i % 3);
            var entered = now.AddMinutes(-13 * i);
            var form = new PaperForm
            {
                FacilityId = facility.Id, RegionId = facility.RegionId, Kind = kind, Subkind = kind.Subkinds()[0], Status = (PaperFormStatus)(i / 3 % 4),
                SerialNumber = $"{i:D6}", PatientName = "", IdNumber = $"34010419850101{i % 10000:D4}", IssuedUtc = entered.AddHours(-1), IssuedBy = "plans",
                DeadlineUtc = Deadline(facility.RegionId), EnteredByUserId = "plans", EnteredByName = "plans", EnteredUtc = entered, UpdatedUtc = entered,
            };
            form.SetPatientName(Names[i % Names.Length]);
            db.PaperForms.Add(form);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}
