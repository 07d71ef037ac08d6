using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;
using Dashboard.Core.ApiKeys;
using Dashboard.Core.Facilities;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Records;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// What an administrator would do before hospitals connect, through the app's own services on the app's
/// database: a hospital per writer in the rehearsal region and a key for each. Each writer then sends
/// synthetic patients consistent with the region's plan, with ID numbers no other writer sends.
/// </summary>
internal static class ApiLoadWritersSetup
{
    private static readonly AccessScope Admin = new("api-load-benchmark", "负载测试", UserRole.Admin, null, new HashSet<int>(), "127.0.0.1");

    public static async Task<IReadOnlyList<ApiLoadWriter>> CreateAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        int regionId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            regionId = await db.Regions.Where(r => r.Code == "rehearsal").Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (regionId == 0)
        {
            throw new InvalidOperationException("The rehearsal region is missing: the app did not seed its demo data.");
        }

        var ids = new UniqueResidentIds();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var writers = new List<ApiLoadWriter>();
        for (var i = 1; i <= count; i++)
        {
            var facilityId = await CreateFacilityAsync(services, regionId, i, cancellationToken);
            var key = await services.GetRequiredService<ApiKeyService>().CreateAsync(Admin, facilityId, $"load writer {i}", cancellationToken);
            var patients = await SyntheticHeldPatients.LoadAsync(dbFactory, services.GetRequiredService<CutoverPlanService>(), seed: i, now, cancellationToken);
            var facility = patients.Facilities.Single(f => f.Id == facilityId);
            writers.Add(new ApiLoadWriter(facilityId, key.Value?.Token ?? throw new InvalidOperationException($"No key for facility {facilityId}."), () =>
            {
                var input = patients.Next(facility).Row.Input;
                input.IdNumber = ids.Next(areaCode: input.IdNumber[..6]);
                return input;
            }));
        }

        return writers;
    }

    private static async Task<int> CreateFacilityAsync(IServiceProvider services, int regionId, int number, CancellationToken cancellationToken)
    {
        var created = await services.GetRequiredService<FacilityService>().CreateAsync(Admin, new FacilityInput
        {
            RegionId = regionId,
            Code = string.Format(CultureInfo.InvariantCulture, "LOAD-{0:000}", number),
            Name = string.Format(CultureInfo.InvariantCulture, "负载测试医院 {0}", number),
            Kind = FacilityKind.Hospital,
        }, cancellationToken);
        return created.Succeeded ? created.Value : throw new InvalidOperationException($"Could not create load facility {number}.");
    }

    /// <summary>
    /// Checksum-valid resident ID numbers that never repeat across threads: the n-th has birth date
    /// 1940-01-01 + n / 1000 days and sequence n % 1000, so a million numbers span under three years.
    /// </summary>
    private sealed class UniqueResidentIds
    {
        private static readonly DateOnly FirstBirthDate = new(1940, 1, 1);
        private long _last = -1;

        public string Next(string areaCode)
        {
            var n = Interlocked.Increment(ref _last);
            var first17 = areaCode + FirstBirthDate.AddDays((int)(n / 1000)).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
            return first17 + ResidentIdNumber.CheckCharacter(first17);
        }
    }
}
