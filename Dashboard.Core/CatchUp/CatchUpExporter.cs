using System.Globalization;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.CatchUp;

public sealed record ExportOutcome(int HeldPatients, int PaperForms, string FileName);

/// <summary>
/// Writes a catch-up list as one workbook (summary, held patients, paper forms) for the caller's
/// scope, streaming rows from the database to the output, and audits the export with its filter,
/// how personal data was written (full or masked, and why full) and the ids of the records in it.
/// </summary>
public sealed class CatchUpExporter(
    IDbContextFactory<DashboardDbContext> dbFactory, CatchUpQueries queries, Plans.CutoverPlanService plans, AuditTrail audit, TimeProvider clock)
{
    private const string EntityType = "CatchUpList";

    /// <summary>The export with the role's default for personal data (what the caller's pages show); never refused.</summary>
    public async Task<ExportOutcome> ExportAsync(
        AccessScope scope, CatchUpFilter filter, ExportText text, Stream output, Action<int>? rowsWritten = null, CancellationToken cancellationToken = default) =>
        (await ExportAsync(scope, filter, PersonalDataChoice.RoleDefault, text, output, rowsWritten, cancellationToken)).Value!;

    /// <summary>
    /// The export with the caller's choice for ID numbers and phones. Full values without a purpose, for a
    /// role that may not reveal them, are refused (audited) before anything is read or written.
    /// </summary>
    public async Task<CommandResult<ExportOutcome>> ExportAsync(
        AccessScope scope, CatchUpFilter filter, PersonalDataChoice personalData, ExportText text, Stream output,
        Action<int>? rowsWritten = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(personalData);
        ArgumentNullException.ThrowIfNull(text);
        var allowed = await CheckAsync(scope, personalData, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var zone = await queries.ZoneOfAsync(filter, cancellationToken);

        // The few localized texts (statuses, categories, yes/no) are looked up once, not once per cell.
        var texts = text.Remembered() with
        {
            CatchUpByRegion = await plans.GetCatchUpDeadlinesAsync(cancellationToken),
            NowUtc = clock.GetUtcNow().UtcDateTime,
            Zone = zone,
        };
        var full = personalData.WritesFullValues(scope);
        var written = new WrittenIds();
        var outcome = await WriteAsync(scope, filter, full, texts, zone, output, written, rowsWritten, cancellationToken);
        await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Export, EntityType, outcome.FileName,
            new
            {
                filter,
                outcome.HeldPatients,
                outcome.PaperForms,
                PersonalData = full ? "Full" : "Masked",
                Purpose = full ? personalData.RecordedPurpose : null,
                HeldPatientIds = written.HeldPatients.Order(),
                PaperFormIds = written.PaperForms.Order(),
            },
            cancellationToken);
        return new CommandResult<ExportOutcome>(CommandResult.Ok(), outcome);
    }

    /// <summary>
    /// Whether this choice may be exported by this caller, for the export dialog to say why not under the
    /// purpose box before anything is written. A refusal is audited: a manager asking for full values
    /// without a reason is worth knowing about.
    /// </summary>
    public async Task<CommandResult> CheckAsync(AccessScope scope, PersonalDataChoice personalData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(personalData);
        var result = personalData.Check(scope);
        if (!result.Succeeded)
        {
            await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Refused, EntityType, null,
                new { PersonalData = "Full", Errors = result.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Key).ToList()) }, cancellationToken);
        }

        return result;
    }

    /// <summary>The ids of the records as they are written, for the audit (each list is filled by the writer alone).</summary>
    private sealed class WrittenIds
    {
        public List<int> HeldPatients { get; } = [];

        public List<int> PaperForms { get; } = [];
    }

    private async Task<ExportOutcome> WriteAsync(
        AccessScope scope, CatchUpFilter filter, bool fullValues, ExportText text, TimeZoneInfo zone, Stream output, WrittenIds written,
        Action<int>? rowsWritten, CancellationToken cancellationToken)
    {
        await using var heldDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var invoicesDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var formsDb = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Both lists start reading (and sorting) now, each on its own connection, while the summary is counted on a third.
        using var held = new ReadAhead<HeldPatient>(() => queries.HeldPatientsForExport(heldDb, invoicesDb, scope, filter, zone), ReadAheadRows, cancellationToken);
        using var forms = new ReadAhead<PaperForm>(() => queries.PaperForms(formsDb, scope, filter, zone).AsEnumerable(), ReadAheadRows, cancellationToken);
        var (summary, counts) = await queries.SummaryWithCountsAsync(scope, filter, c => text.Enum("HPCategory", c), k => text.Enum("PFKind", k), cancellationToken);
        var fileName = await FileNameAsync(scope, filter, text, zone, cancellationToken);
        var heldColumns = fullValues ? ExportColumns.HeldPatients : ExportColumns.Masked(ExportColumns.HeldPatients);
        var formColumns = fullValues ? ExportColumns.PaperForms : ExportColumns.Masked(ExportColumns.PaperForms);
        List<SheetSource> sheets =
        [
            .. CatchUpWorkbookWriter.Split(text.Get("Export_SummarySheet"), ExportColumns.Summary, summary, summary.Count, text, zone),
            .. CatchUpWorkbookWriter.Split(text.Get("Export_HeldSheet"), heldColumns, Noted(held, p => written.HeldPatients.Add(p.Id)), counts.HeldPatients, text, zone, rowsWritten),
            .. CatchUpWorkbookWriter.Split(text.Get("Export_FormsSheet"), formColumns, Noted(forms, f => written.PaperForms.Add(f.Id)), counts.PaperForms, text, zone, rowsWritten),
        ];
        await Task.Run(() => CatchUpWorkbookWriter.Write(output, sheets), cancellationToken);
        return new ExportOutcome(counts.HeldPatients, counts.PaperForms, fileName);
    }

    private static IEnumerable<T> Noted<T>(IEnumerable<T> rows, Action<T> note)
    {
        foreach (var row in rows)
        {
            note(row);
            yield return row;
        }
    }

    /// <summary>How far the database reads ahead of the workbook writer: enough to keep both busy, little memory.</summary>
    private const int ReadAheadRows = 2000;

    /// <summary>
    /// 补录清单_合肥_全部_20211213-093015_3fa9c2.xlsx: the regions in the list (the filter's, the scope's one,
    /// "2个统筹区" for several, 全部地区 for every region), the facility if one, the filter's category, form
    /// kind, status, overdue and deadline range (全部 without any), local time to the second and a random
    /// suffix, so that two exports never share a name. Valid on Windows: no \ / : * ? " &lt; &gt; | or control characters.
    /// </summary>
    private async Task<string> FileNameAsync(AccessScope scope, CatchUpFilter filter, ExportText text, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regionId = filter.RegionId ?? (scope.RegionIds.Count == 1 ? scope.RegionIds.First() : (int?)null);
        var region = regionId is { } id
            ? await db.Regions.Where(r => r.Id == id).Select(r => r.NameZh).FirstOrDefaultAsync(cancellationToken)
            : scope.RegionIds.Count > 1 && !scope.IsAdmin && scope.RegionIds.Count < await db.Regions.CountAsync(cancellationToken)
                ? string.Format(CultureInfo.InvariantCulture, text.Get("Export_RegionCount"), scope.RegionIds.Count)
                : null;
        var facilityId = filter.FacilityId ?? (scope.Role == Accounts.UserRole.BillingDesk ? scope.FacilityId : null);
        var facility = facilityId is { } fid ? await db.For(scope).Facilities.Where(f => f.Id == fid).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) : null;
        List<string> what =
        [
            .. facility is null ? [] : new[] { facility },
            .. filter.Category is { } category ? [text.Enum("HPCategory", category)] : Array.Empty<string>(),
            .. filter.FormKind is { } kind ? [text.Enum("PFKind", kind)] : Array.Empty<string>(),
            .. filter.HeldStatus is { } status ? [text.Enum("HPStatus", status)] : Array.Empty<string>(),
            .. filter.OverdueOnly ? [text.Get("HP_Overdue")] : Array.Empty<string>(),
            .. filter.DeadlineFrom is null && filter.DeadlineTo is null
                ? Array.Empty<string>()
                : [$"{filter.DeadlineFrom?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{filter.DeadlineTo?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}"],
        ];
        var stamp = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var suffix = System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true);
        string[] parts = [text.Get("Export_FilePrefix"), region ?? text.Get("Export_AllRegions"), .. what.Count == 0 ? [text.Get("Export_All")] : what, stamp, suffix];
        return string.Join("_", parts.Select(SafeForFileName)) + ".xlsx";
    }

    /// <summary>Characters Windows refuses in a file name (and control characters) become a hyphen; no trailing dot or space.</summary>
    internal static string SafeForFileName(string part) =>
        string.Concat(part.Select(c => c < ' ' || "\\/:*?\"<>|".Contains(c, StringComparison.Ordinal) ? '-' : c)).Trim().TrimEnd('.');
}
