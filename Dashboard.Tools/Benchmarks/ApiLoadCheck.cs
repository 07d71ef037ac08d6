using System.Globalization;
using Dashboard.Core.Audit;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// After the load, in the database itself: the writers' facilities hold exactly the rows whose ids the
/// app answered (none lost, none extra), each id answered once, each with the ID number sent for it, no
/// ID number twice; and the audit trail's hash chain verifies.
/// </summary>
internal sealed record ApiLoadCheck(
    int RowsInDatabase, int IdsAnswered, int IdsAnsweredTwice, int Lost, int Unanswered, int WrongIdNumber, int DuplicateIdNumbers,
    long AuditRows, string? AuditProblem)
{
    public bool Passed => RowsInDatabase == IdsAnswered && IdsAnsweredTwice == 0 && Lost == 0 && Unanswered == 0 && WrongIdNumber == 0 &&
        DuplicateIdNumbers == 0 && AuditProblem is null;

    public static async Task<ApiLoadCheck> RunAsync(IServiceProvider services, IReadOnlyCollection<int> facilityIds, ApiLoadOutcome outcome, CancellationToken cancellationToken)
    {
        List<(int Id, string IdNumber)> rows;
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            rows = (await db.HeldPatients.AsNoTracking().Where(p => facilityIds.Contains(p.FacilityId))
                .Select(p => new { p.Id, p.IdNumber }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.IdNumber)).ToList();
        }

        var stored = rows.ToDictionary(r => r.Id, r => r.IdNumber);
        var answered = outcome.Created.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().IdNumber);
        var audit = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
        return new ApiLoadCheck(
            RowsInDatabase: rows.Count,
            IdsAnswered: outcome.Created.Count,
            IdsAnsweredTwice: outcome.Created.Count - answered.Count,
            Lost: answered.Keys.Count(id => !stored.ContainsKey(id)),
            Unanswered: stored.Keys.Count(id => !answered.ContainsKey(id)),
            WrongIdNumber: answered.Count(a => stored.TryGetValue(a.Key, out var idNumber) && idNumber != a.Value),
            DuplicateIdNumbers: rows.GroupBy(r => r.IdNumber).Count(g => g.Count() > 1),
            AuditRows: audit.RowsChecked,
            AuditProblem: audit.IsIntact ? null
                : audit.FirstBreak is { } broken ? string.Format(CultureInfo.InvariantCulture, "broken at audit row {0}: {1}", broken.Id, broken.Problem)
                : "missing triggers: " + string.Join(", ", audit.MissingTriggers));
    }

    /// <summary>One line: "OK" or what is wrong, in numbers.</summary>
    public string Summary() => Passed
        ? string.Format(CultureInfo.InvariantCulture, "OK: {0:N0} rows in the database = {1:N0} ids answered, no duplicates; audit chain of {2:N0} rows verifies", RowsInDatabase, IdsAnswered, AuditRows)
        : string.Format(CultureInfo.InvariantCulture,
            "FAILED: {0:N0} rows in the database, {1:N0} ids answered ({2} answered twice), {3} answered but not stored, {4} stored but not answered, {5} with another ID number, {6} ID numbers stored twice; audit: {7}",
            RowsInDatabase, IdsAnswered, IdsAnsweredTwice, Lost, Unanswered, WrongIdNumber, DuplicateIdNumbers, AuditProblem ?? "chain verifies");
}
