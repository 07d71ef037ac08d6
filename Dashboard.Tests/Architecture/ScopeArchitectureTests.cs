using System.Reflection;
using Dashboard.Core.Access;
using Dashboard.Core.Facilities;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Tests.Architecture.Samples;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Architecture;

/// <summary>
/// Scope cannot be forgotten: code reads held patients, paper forms and facilities through
/// <see cref="ScopedData"/> (filtered to what the caller may see), and every public method that reads
/// them takes the caller's <see cref="AccessScope"/>. The few places that must look past a caller's
/// scope are listed here, each with its reason, so a new one is a decision someone reviews.
/// </summary>
public sealed class ScopeArchitectureTests
{
    /// <summary>Where code reads the unfiltered sets, and why that is right there.</summary>
    private static readonly Dictionary<string, string> UnscopedReads = new()
    {
        ["ScopedData"] = "the scoped entry point itself",
        ["HeldPatientService.FindDuplicatesAsync"] = "looks across the region on purpose (a patient moves between facilities); callers see only what they may open",
        ["HeldPatientIntake.LoadChecksAsync"] = "the bulk intake's duplicate check, across the region like the form's (FindDuplicatesAsync)",
        ["HeldPatientQueries.GetAsync"] = "after a scoped miss, to audit an attempt on a record that exists elsewhere; the answer stays not-found",
        ["PaperFormQueries.GetAsync"] = "after a scoped miss, to audit an attempt on a form that exists elsewhere; the answer stays not-found",
        ["RecordCommands.ChangeAsync"] = "after a scoped miss, to tell an id that does not exist (audited as not found) from a refusal; the answer is not-found either way",
        ["PaperFormService.GetForEditAsync"] = "after a scoped miss, to audit the attempt as a refusal (the form exists elsewhere) or a missing id; the answer stays not-found",
        ["FacilityService.GetAsync"] = "after a scoped miss, to audit an attempt on a facility that exists elsewhere",
        ["FacilityService.ChangeAsync"] = "after a scoped miss, to audit an attempt on a facility that exists elsewhere",
        ["FacilityService.ValidateAsync"] = "a facility code is unique across all regions",
        ["UserAdminService.ValidateAsync"] = "administrators assign any active facility",
        ["BoardSnapshots.ComputeAsync"] = "one shared aggregate per region; GetAsync/GetVisibleAsync hand it only to users who may see the region",
        ["BoardSnapshots.FacilitiesAsync"] = "part of the region aggregate above",
        ["HeldPatientDeadlines.RecomputeRegionAsync"] = "a moved go-live or a local calendar adjustment changes every record's deadline in the region",
        ["AccountSeeder.SeedDemoAsync"] = "seeds the demo facilities at start-up",
        ["DatabaseInitializer.FillNameSortKeysAsync"] = "start-up backfill of every record's sort key",
        ["FacilityOverdueCounts.ReadAsync"] = "the notification producer's per-facility overdue counts of a region; only names and counts leave, to the administrators' targets",
    };

    /// <summary>Public methods that read records without a caller, and why.</summary>
    private static readonly Dictionary<string, string> SystemReaders = new()
    {
        ["HeldPatientDeadlines.RecomputeRegionAsync"] = "called by plan editing and calendar adjustments, which checked the editor's scope",
    };

    [Fact]
    public void Only_the_listed_places_read_records_or_facilities_past_the_callers_scope()
    {
        var violations = ScopeRules.UnscopedReads(typeof(ScopedData).Assembly, UnscopedReads.Keys.ToHashSet());

        Assert.True(violations.Count == 0, "Read through db.For(scope) instead, or list the place with its reason:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_public_method_that_reads_records_takes_the_callers_scope()
    {
        var violations = ScopeRules.PublicReadersWithoutScope(typeof(ScopedData).Assembly, SystemReaders.Keys.ToHashSet());

        Assert.True(violations.Count == 0, "Take an AccessScope, or list the method with its reason:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_listed_place_still_reads_past_the_scope_so_the_list_stays_true()
    {
        var readers = ScopeRules.UnscopedReaders(typeof(ScopedData).Assembly);

        Assert.All(UnscopedReads.Keys.Where(k => k != nameof(ScopedData)), k => Assert.Contains(k, readers));
    }

    [Fact]
    public void The_rules_catch_a_deliberately_unscoped_query()
    {
        var sample = typeof(UnscopedHeldPatientList).Assembly;
        bool IsSample(string site) => site.StartsWith(nameof(UnscopedHeldPatientList), StringComparison.Ordinal);

        Assert.Contains(ScopeRules.UnscopedReads(sample, new HashSet<string>()), v => IsSample(v) && v.Contains(nameof(DashboardDbContext.HeldPatients), StringComparison.Ordinal));
        Assert.Contains(ScopeRules.PublicReadersWithoutScope(sample, new HashSet<string>()), v => IsSample(v) && v.Contains(nameof(UnscopedHeldPatientList.NewestAsync), StringComparison.Ordinal));
        Assert.DoesNotContain(ScopeRules.PublicReadersWithoutScope(sample, new HashSet<string>()), v => v.Contains(nameof(UnscopedHeldPatientList.ScopedNewestAsync), StringComparison.Ordinal));
    }

    [Fact]
    public void The_checked_in_migrations_match_the_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: add one with dotnet ef migrations add.");
    }
}

/// <summary>The two rules, over any assembly (the app's, or the test's own samples).</summary>
internal static class ScopeRules
{
    private static readonly HashSet<string> RawSets =
        [nameof(DashboardDbContext.HeldPatients), nameof(DashboardDbContext.PaperForms), nameof(DashboardDbContext.Facilities)];

    public static List<string> UnscopedReads(Assembly assembly, IReadOnlySet<string> allowed) =>
        Sites(assembly)
            .Where(s => IsRawRead(s.Callee) && !allowed.Contains(s.Type.Name) && !allowed.Contains($"{s.Type.Name}.{s.Method}"))
            .Select(s => s.ToString())
            .Distinct()
            .ToList();

    /// <summary>"Type.Method" of every place that reads the unfiltered sets.</summary>
    public static HashSet<string> UnscopedReaders(Assembly assembly) =>
        Sites(assembly).Where(s => IsRawRead(s.Callee)).Select(s => $"{s.Type.Name}.{s.Method}").ToHashSet();

    public static List<string> PublicReadersWithoutScope(Assembly assembly, IReadOnlySet<string> allowed) =>
        Sites(assembly)
            .Where(s => (IsRawRead(s.Callee) || IsScopedRead(s.Callee)) && s.Type.IsPublic && !allowed.Contains($"{s.Type.Name}.{s.Method}"))
            .Where(s => s.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Any(m => m.Name == s.Method && m.GetParameters().All(p => p.ParameterType != typeof(AccessScope))))
            .Select(s => $"{s.Type.Name}.{s.Method}")
            .Distinct()
            .ToList();

    private static IEnumerable<IlReferences.Site> Sites(Assembly assembly) =>
        assembly.GetTypes().Where(t => t != typeof(ScopedData) && t != typeof(DashboardDbContext) && t.Namespace?.StartsWith("Dashboard", StringComparison.Ordinal) == true).SelectMany(IlReferences.In);

    private static bool IsRawRead(MethodBase callee) =>
        (callee.DeclaringType == typeof(DashboardDbContext) && callee.Name.StartsWith("get_", StringComparison.Ordinal) && RawSets.Contains(callee.Name[4..])) ||
        (callee is MethodInfo { IsGenericMethod: true, Name: nameof(DbContext.Set) } set && set.DeclaringType == typeof(DbContext) &&
            set.GetGenericArguments()[0] is var entity && (entity == typeof(Facility) || entity.IsSubclassOf(typeof(PatientRecord))));

    private static bool IsScopedRead(MethodBase callee) =>
        callee.DeclaringType == typeof(ScopedData) || callee.DeclaringType == typeof(ScopedDataExtensions);
}
