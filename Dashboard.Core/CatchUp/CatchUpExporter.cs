using System.Globalization;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.CatchUp;

public sealed record ExportOutcome(int HeldPatients, int PaperForms, string FileName);

/// <summary>
/// Writes a catch-up list as one workbook (summary, held patients, paper forms) for the caller's
/// scope, streaming rows from the database to the output, and audits the export with its filter.
/// </summary>
public sealed class CatchUpExporter(
    IDbContextFactory<DashboardDbContext> dbFactory, CatchUpQueries queries, Plans.CutoverPlanService plans, AuditTrail audit, TimeProvider clock)
{
    public async Task<ExportOutcome> ExportAsync(
        AccessScope scope, CatchUpFilter filter, ExportText text, Stream output, Action<int>? rowsWritten = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(text);
        var zone = await queries.ZoneOfAsync(filter, cancellationToken);

        // The few localized texts (statuses, categories, yes/no) are looked up once, not once per cell.
        var texts = text.Remembered() with { CatchUpByRegion = await plans.GetCatchUpDeadlinesAsync(cancellationToken) };
        var outcome = await WriteAsync(scope, filter, texts, zone, output, rowsWritten, cancellationToken);
        await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Export, "CatchUpList", outcome.FileName,
            new { filter, outcome.HeldPatients, outcome.PaperForms }, cancellationToken);
        return outcome;
    }

    private async Task<ExportOutcome> WriteAsync(
        AccessScope scope, CatchUpFilter filter, ExportText text, TimeZoneInfo zone, Stream output, Action<int>? rowsWritten, CancellationToken cancellationToken)
    {
        await using var heldDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var invoicesDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var formsDb = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Both lists start reading (and sorting) now, each on its own connection, while the summary is counted on a third.
        using var held = new ReadAhead<HeldPatient>(() => queries.HeldPatientsForExport(heldDb, invoicesDb, scope, filter, zone), ReadAheadRows, cancellationToken);
        using var forms = new ReadAhead<PaperForm>(() => queries.PaperForms(formsDb, scope, filter, zone).AsEnumerable(), ReadAheadRows, cancellationToken);
        var (summary, counts) = await queries.SummaryWithCountsAsync(scope, filter, c => text.Enum("HPCategory", c), k => text.Enum("PFKind", k), cancellationToken);
        var fileName = await FileNameAsync(scope, filter, text, zone, cancellationToken);
        List<SheetSource> sheets =
        [
            .. CatchUpWorkbookWriter.Split(text.Get("Export_SummarySheet"), ExportColumns.Summary, summary, summary.Count, text, zone),
            .. CatchUpWorkbookWriter.Split(text.Get("Export_HeldSheet"), ExportColumns.HeldPatients, held, counts.HeldPatients, text, zone, rowsWritten),
            .. CatchUpWorkbookWriter.Split(text.Get("Export_FormsSheet"), ExportColumns.PaperForms, forms, counts.PaperForms, text, zone, rowsWritten),
        ];
        await Task.Run(() => CatchUpWorkbookWriter.Write(output, sheets), cancellationToken);
        return new ExportOutcome(counts.HeldPatients, counts.PaperForms, fileName);
    }

    /// <summary>How far the database reads ahead of the workbook writer: enough to keep both busy, little memory.</summary>
    private const int ReadAheadRows = 2000;

    /// <summary>补录清单_合肥_全部_20211213-0930.xlsx: region, facility (or all), local time.</summary>
    private async Task<string> FileNameAsync(AccessScope scope, CatchUpFilter filter, ExportText text, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regionId = filter.RegionId ?? (scope.RegionIds.Count == 1 ? scope.RegionIds.First() : (int?)null);
        var region = regionId is { } id ? await db.Regions.Where(r => r.Id == id).Select(r => r.NameZh).FirstOrDefaultAsync(cancellationToken) : null;
        var facilityId = filter.FacilityId ?? (scope.Role == Accounts.UserRole.BillingDesk ? scope.FacilityId : null);
        var facility = facilityId is { } fid ? await db.For(scope).Facilities.Where(f => f.Id == fid).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var stamp = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"{text.Get("Export_FilePrefix")}_{region ?? text.Get("Export_AllRegions")}_{facility ?? text.Get("Export_All")}_{stamp}.xlsx";
        return string.Concat(name.Split(Path.GetInvalidFileNameChars()));
    }
}
