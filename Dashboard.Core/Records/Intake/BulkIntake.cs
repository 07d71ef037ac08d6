using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;
using Dashboard.Core.PaperForms;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Core.Records.Intake;

/// <summary>
/// Takes many held patients or paper forms at once (imports, the HTTP API, the demo-data tool),
/// each row held to exactly what the entry form holds it to: the caller's scope, the form's
/// validation and derived fields, the form's duplicate rules, an audit event per record. A batch is
/// one transaction: it commits whole or not at all; refused rows are reported, not written, and do
/// not stop the others. Each affected region's boards are told once per batch. Why it writes with
/// prepared commands rather than SaveChanges: docs/adr/0002-bulk-intake.md.
/// </summary>
public sealed partial class BulkIntake(
    IDbContextFactory<DashboardDbContext> dbFactory, CutoverPlanService plans, AuditTrail audit, TimeProvider clock, RegionActivity activity)
{
    /// <summary>A batch holds SQLite's one write lock while it writes: one to two seconds at this size on two cores.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>The advisory lock ('bulk') that makes PostgreSQL batches take turns, as SQLite's single writer does.</summary>
    public const long IntakeLockKey = 0x62756c6b;

    /// <summary>The row names a facility the caller may not enter records at (or one that is not active).</summary>
    public const string FacilityNotAllowed = "Intake_FacilityNotAllowed";

    /// <summary>
    /// For a session's connection: a 256 MB page cache (the default 2 MB is far smaller than the
    /// indexes a batch touches, so each batch read them again), and statement journals in memory
    /// rather than in temporary files (about fifty writes per inserted row otherwise). See the ADR.
    /// Public so that the bulk-insert benchmark's write-only floor runs on the same settings.
    /// </summary>
    public const string BatchCache = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";

    /// <summary>SQLite's default, for the connection's next user in the pool.</summary>
    private const string DefaultCache = "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;";

    /// <summary>One batch of held patients in its own session.</summary>
    public async Task<IntakeResult> AddHeldPatientsAsync(AccessScope scope, IReadOnlyList<HeldPatientIntakeRow> rows, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(scope, cancellationToken);
        return await session.AddHeldPatientsAsync(rows, cancellationToken);
    }

    /// <summary>One batch of paper forms in its own session.</summary>
    public async Task<IntakeResult> AddPaperFormsAsync(AccessScope scope, IReadOnlyList<PaperFormInput> rows, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(scope, cancellationToken);
        return await session.AddPaperFormsAsync(rows, cancellationToken);
    }

    /// <summary>
    /// A session for many batches in a row (an import, the demo-data tool): one connection whose page
    /// cache stays warm from batch to batch. Each batch is still its own transaction.
    /// </summary>
    public async Task<BulkIntakeSession> OpenAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(BatchCache, cancellationToken);
            }

            return new BulkIntakeSession(this, db, scope);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The connection goes back to the pool: give back the session's cache.</summary>
    internal static async Task CloseAsync(DashboardDbContext db)
    {
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(DefaultCache, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>
    /// What a batch of held patients would do, without keeping it: the whole batch runs (checks, ids,
    /// inserts) and is rolled back, so an import's preview and its commit cannot disagree. Only the
    /// duplicate checks' reveals of other facilities' records are kept, since the caller saw them.
    /// </summary>
    public async Task<IntakeResult> PreviewHeldPatientsAsync(AccessScope scope, IReadOnlyList<HeldPatientIntakeRow> rows, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(scope, cancellationToken);
        return await AddAsync(session.Db, scope, HeldPatientIntake.Instance, rows, cancellationToken, dryRun: true);
    }

    /// <summary>What a batch of paper forms would do, without keeping it (see <see cref="PreviewHeldPatientsAsync"/>).</summary>
    public async Task<IntakeResult> PreviewPaperFormsAsync(AccessScope scope, IReadOnlyList<PaperFormInput> rows, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(scope, cancellationToken);
        return await AddAsync(session.Db, scope, PaperFormIntake.Instance, rows, cancellationToken, dryRun: true);
    }

    internal async Task<IntakeResult> AddAsync<TRecord, TRow>(
        DashboardDbContext db, AccessScope scope, IntakeKind<TRecord, TRow> kind, IReadOnlyList<TRow> rows, CancellationToken cancellationToken, bool dryRun = false)
        where TRecord : PatientRecord
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows.Count, MaxBatchSize);
        var now = clock.GetUtcNow();
        var errors = new IReadOnlyDictionary<string, Message[]>?[rows.Count];
        var records = new TRecord?[rows.Count];
        var ids = new int?[rows.Count];
        var denied = new List<int>();
        var regions = new HashSet<int>();
        var facilities = await FacilitiesAsync(db, scope, rows.Select(kind.FacilityOf).Distinct().ToList(), cancellationToken);
        var regionPlans = await PlansAsync(facilities.Values, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var facilityId = kind.FacilityOf(rows[i]);
            var refused = facilities.GetValueOrDefault(facilityId) is not { } facility
                ? (nameof(Facility) + "Id", new Message(FacilityNotAllowed, facilityId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : kind.RefusedAt(scope, facility, rows[i]);
            if (refused is { } why)
            {
                errors[i] = One(why);
                denied.Add(i);
                continue;
            }

            var plan = regionPlans[facilities[facilityId].RegionId];
            var (invalid, record) = kind.Build(rows[i], plan, now);
            if (record is null)
            {
                errors[i] = invalid;
                continue;
            }

            record.EnterAt(new RecordPlace(facilityId, facilities[facilityId].RegionId, plan?.CatchUp.EndsUtc?.UtcDateTime), scope, now.UtcDateTime);
            records[i] = record;
        }

        if (records.Any(r => r is not null))
        {
            var zones = regionPlans.ToDictionary(p => p.Key, p => p.Value?.TimeZone ?? RegionTimeZone.Default);
            await WriteAsync(db, kind, new IntakeBatch(scope, facilities, zones), records, errors, ids, regions, cancellationToken, dryRun);
        }

        if (denied.Count > 0 && !dryRun)
        {
            // Like the form's refusals outside the caller's scope: nothing is written, the attempt is audited.
            await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.AuthorizationFailed,
                typeof(TRecord).Name, "bulk", new { attempted = AuditActions.Create, rows = denied, facilities = denied.Select(i => kind.FacilityOf(rows[i])).Distinct() },
                cancellationToken);
        }

        foreach (var region in regions)
        {
            activity.Publish(region);
        }

        return new IntakeResult(ids, errors.Select((e, row) => e is null ? null : new IntakeRowError(row, e)).OfType<IntakeRowError>().ToList());
    }

    /// <summary>
    /// One transaction: the checks are loaded inside it (SQLite's write lock is taken at BEGIN, so no
    /// one can add a duplicate between the check and the insert), then every record, its child rows
    /// and its audit event are written with prepared commands. Any failure rolls back the whole batch.
    /// </summary>
    private async Task WriteAsync<TRecord, TRow>(
        DashboardDbContext db, IntakeKind<TRecord, TRow> kind, IntakeBatch batch, TRecord?[] records,
        IReadOnlyDictionary<string, Message[]>?[] errors, int?[] ids, HashSet<int> regions, CancellationToken cancellationToken, bool dryRun)
        where TRecord : PatientRecord
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // As SQLite's write lock does: no other batch, on any node, between this batch's duplicate checks and its commit.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IntakeLockKey})", cancellationToken);
            }

            var checks = await kind.LoadChecksAsync(db, batch, records.OfType<TRecord>().ToList(), cancellationToken);

            // Ids are handed out here rather than by each INSERT, so that many rows go in one statement
            // and a duplicate later in the batch can name the record it repeats.
            var keys = await BulkRows.ReserveKeysAsync<TRecord>(db, records.Count(r => r is not null), cancellationToken);
            var nextKey = 0;
            var children = ChildCollections<TRecord>(db);
            var written = new List<object>();
            var childRows = children.Select(_ => new List<object>()).ToList();
            var events = new List<object>();
            for (var i = 0; i < records.Length; i++)
            {
                if (records[i] is not { } record)
                {
                    continue;
                }

                if (checks.Check(record) is { } refused)
                {
                    errors[i] = One(refused);
                    continue;
                }

                record.Id = checked((int)keys[nextKey++]);
                for (var c = 0; c < children.Count; c++)
                {
                    childRows[c].AddRange(ChildrenOf(children[c], record));
                }

                written.Add(record);
                events.Add(audit.NewEvent(batch.Scope, AuditActions.Create, typeof(TRecord).Name, record.Id, after: record.AuditSnapshot()));
                checks.Written(record);
                ids[i] = record.Id;
            }

            var reveals = checks.Revealed.Select(r => audit.NewEvent(batch.Scope, AuditActions.DuplicateRevealed, typeof(TRecord).Name, r.Id, after: r.Shown)).ToList();
            events.AddRange(reveals);

            using (var insertRecords = BulkRows.Insert(db, typeof(TRecord), explicitKey: true))
            {
                await insertRecords.InsertAsync(written, cancellationToken);
            }

            for (var c = 0; c < children.Count; c++)
            {
                using var insertChildren = BulkRows.Insert(db, children[c].TargetEntityType.ClrType, explicitKey: false);
                await insertChildren.InsertAsync(childRows[c], cancellationToken);
            }

            using (var insertEvents = BulkRows.Insert(db, typeof(AuditEvent), explicitKey: false))
            {
                await insertEvents.InsertAsync(events, cancellationToken);
            }

            if (dryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
                await KeepRevealsAsync(db, reveals, cancellationToken);
                Array.Clear(ids);
                return;
            }

            await transaction.CommitAsync(cancellationToken);
            regions.UnionWith(records.Where((r, i) => r is not null && ids[i] is not null).Select(r => r!.RegionId));
        }
        catch
        {
            Array.Clear(ids);
            throw;
        }
    }

    /// <summary>A dry run's reveals: the caller was shown another facility's record, which is audited even though nothing was written.</summary>
    private static async Task KeepRevealsAsync(DashboardDbContext db, List<AuditEvent> reveals, CancellationToken cancellationToken)
    {
        if (reveals.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var insertEvents = BulkRows.Insert(db, typeof(AuditEvent), explicitKey: false))
        {
            await insertEvents.InsertAsync(reveals, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
