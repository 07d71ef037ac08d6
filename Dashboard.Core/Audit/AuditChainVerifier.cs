using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dashboard.Core.Audit;

/// <summary>Where the chain first fails: the row's id, what is wrong, and the link expected there against the one found.</summary>
public sealed record AuditChainBreak(long Id, string Problem, string? Expected, string? Found);

/// <summary>The outcome of a verification: rows read, the last link (to note down elsewhere), the first break, and protective triggers that are gone.</summary>
public sealed record AuditChainReport(long RowsChecked, string? Head, AuditChainBreak? FirstBreak, IReadOnlyList<string> MissingTriggers)
{
    public bool IsIntact => FirstBreak is null && MissingTriggers.Count == 0;
}

/// <summary>
/// Recomputes the audit chain from the rows themselves, oldest first, and compares each link with
/// the stored one. Reads one snapshot of the database (a read transaction), so rows written while
/// it runs are neither half-seen nor mistaken for gaps; opens the file read-write but writes nothing,
/// and never creates a database that is not there.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"Cannot open the database {builder.DataSource}: {ex.Message}", ex);
        }

        await using var transaction = connection.BeginTransaction(deferred: true);
        if (await ScalarAsync(connection, transaction, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{AuditChain.Table}'", cancellationToken) is not > 0L)
        {
            throw new InvalidOperationException("This database has no audit chain yet: start the app once so that it upgrades the database.");
        }

        var missingTriggers = await MissingTriggersAsync(connection, transaction, cancellationToken);
        var (rows, head, lastId, firstBreak) = await WalkAsync(connection, transaction, cancellationToken);
        firstBreak = Earliest(firstBreak, await OrphanLinkAsync(connection, transaction, cancellationToken));
        firstBreak ??= await MissingTailAsync(connection, transaction, lastId, cancellationToken);
        return new AuditChainReport(rows, head, firstBreak, missingTriggers);
    }

    /// <summary>Every row in id order against the link recomputed from the previous stored link and the row's columns.</summary>
    private static async Task<(long Rows, string? Head, long LastId, AuditChainBreak? FirstBreak)> WalkAsync(
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = string.Join(", ", AuditChain.Columns.Select(c => "e." + c));
        command.CommandText = $"SELECT {columns}, c.Hash FROM AuditEvents e LEFT JOIN {AuditChain.Table} c ON c.AuditEventId = e.Id ORDER BY e.Id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new object?[AuditChain.Columns.Count];
        var hashColumn = values.Length;
        string? previous = null;
        long rows = 0, lastId = 0;
        AuditChainBreak? firstBreak = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i);
            }

            rows++;
            lastId = reader.GetInt64(0);
            var found = reader.IsDBNull(hashColumn) ? null : reader.GetString(hashColumn);
            if (firstBreak is null)
            {
                var expected = AuditChain.Link(previous, values);
                if (found != expected)
                {
                    firstBreak = new AuditChainBreak(lastId, found is null
                        ? "the row has no link: it was written without the chain's trigger"
                        : "the link does not match: this row was altered, or a row before it was removed or slipped in", expected, found);
                }
            }

            previous = found;
        }

        return (rows, previous, lastId, firstBreak);
    }

    /// <summary>A link whose row is gone: the row was deleted.</summary>
    private static async Task<AuditChainBreak?> OrphanLinkAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT AuditEventId, Hash FROM {AuditChain.Table} WHERE AuditEventId NOT IN (SELECT Id FROM AuditEvents) ORDER BY AuditEventId LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainBreak(reader.GetInt64(0), "the row is missing but its link is still there: the row was deleted", reader.GetString(1), null)
            : null;
    }

    /// <summary>The newest rows deleted together with their links: SQLite's AUTOINCREMENT counter remembers the highest id it handed out.</summary>
    private static async Task<AuditChainBreak?> MissingTailAsync(SqliteConnection connection, SqliteTransaction transaction, long lastId, CancellationToken cancellationToken)
    {
        var issued = await ScalarAsync(connection, transaction, "SELECT seq FROM sqlite_sequence WHERE name = 'AuditEvents'", cancellationToken) as long?;
        return issued > lastId
            ? new AuditChainBreak(lastId + 1, string.Create(CultureInfo.InvariantCulture, $"rows {lastId + 1} to {issued} are missing: ids up to {issued} were handed out"), null, null)
            : null;
    }

    private static async Task<IReadOnlyList<string>> MissingTriggersAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            present.Add(reader.GetString(0));
        }

        return AuditChain.Triggers.Where(t => !present.Contains(t)).ToList();
    }

    private static AuditChainBreak? Earliest(AuditChainBreak? a, AuditChainBreak? b) =>
        a is null ? b : b is null ? a : b.Id < a.Id ? b : a;

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
