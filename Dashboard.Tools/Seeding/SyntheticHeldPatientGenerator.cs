using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Records.Intake;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tools.Seeding;

/// <summary>
/// Adds synthetic held patients (<see cref="SyntheticHeldPatients"/>) for demos and benchmarks through
/// the bulk intake, the path imports take: every row validated as the form validates it, each record
/// audited, one transaction per batch. A row the intake refuses (the same person already logged with
/// an overlapping stay) is replaced by another, so the count asked for is the count added.
/// Then, for the demo only, it plays back a history the intake cannot know: when each record was
/// entered, and how far regions past go-live have worked theirs (re-registered, settled, closed,
/// voided). That pass writes one audit event per batch (an update naming every record, and the seed).
/// </summary>
public sealed class SyntheticHeldPatientGenerator(
    IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, BulkIntake intake, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The name records and audit events carry, so synthetic data can be told from real data.</summary>
    public const string UserName = SyntheticHeldPatients.UserName;

    /// <summary>The entity id of the history pass's audit events (an update of the batch's records, listed in the event).</summary>
    public const string HistoryEntityId = "synthetic history";

    public const int BatchSize = 10_000;

    public async Task<int> GenerateAsync(int count, int seed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var source = await SyntheticHeldPatients.LoadAsync(dbFactory, plans, seed, clock.GetUtcNow(), cancellationToken);
        var scope = source.Scope;
        var written = 0;
        await using var session = await intake.OpenAsync(scope, cancellationToken);
        while (written < count)
        {
            var batch = Enumerable.Range(0, Math.Min(BatchSize, count - written)).Select(_ => source.Next()).ToList();
            var result = await session.AddHeldPatientsAsync(batch.Select(b => b.Row).ToList(), cancellationToken);
            if (result.Written == 0)
            {
                throw new InvalidOperationException("The intake refused a whole batch of synthetic rows, e.g. " +
                    string.Join("; ", result.Refused.Take(3).SelectMany(r => r.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value.Select(m => m.ToString()))}"))));
            }

            await PlayHistoryAsync(scope, batch, result.Ids, seed, cancellationToken);
            written += result.Written;
            progress?.Report(written);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }

        return written;
    }

    /// <summary>Sets each written record's entry time and outcome as the synthetic history has them, in one transaction with its audit event.</summary>
    private async Task PlayHistoryAsync(AccessScope scope, List<SyntheticHeldPatient> batch, IReadOnlyList<int?> ids, int seed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var update = PreparedRows.Update<HeldPatient>(db,
            nameof(HeldPatient.EnteredUtc), nameof(HeldPatient.Status), nameof(HeldPatient.NewPlatformNumber), nameof(HeldPatient.VoidReason), nameof(HeldPatient.ResolvedUtc)))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (ids[i] is { } id)
                {
                    batch[i].History.Id = id;
                    update.Update(batch[i].History);
                }
            }
        }

        var written = ids.OfType<int>().ToList();
        audit.Add(db, scope, AuditActions.Update, nameof(HeldPatient), HistoryEntityId, after: new { Records = written.Count, Seed = seed, Ids = written });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
