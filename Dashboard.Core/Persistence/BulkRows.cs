using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Core.Persistence;

/// <summary>Writes many rows of one entity type inside the caller's transaction, without the change tracker.</summary>
public interface IBulkRowWriter : IDisposable
{
    /// <summary>Inserts the entities in order.</summary>
    Task InsertAsync(IReadOnlyList<object> entities, CancellationToken cancellationToken);
}

/// <summary>
/// The bulk intake's writes on either engine: SQLite statements prepared once (<see cref="PreparedRows"/>),
/// PostgreSQL's binary COPY (<see cref="Postgres.CopyRows"/>). Columns and conversions come from the EF model on both.
/// </summary>
public static class BulkRows
{
    /// <summary>
    /// INSERTs of every mapped column. A store-generated key is written only when <paramref name="explicitKey"/>
    /// (the caller took it from <see cref="ReserveKeysAsync{T}"/>); otherwise the database assigns it.
    /// </summary>
    public static IBulkRowWriter Insert(DbContext db, Type entity, bool explicitKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? Postgres.CopyRows.Insert(db, entity, explicitKey) : PreparedRows.Insert(db, entity, explicitKey);
    }

    /// <summary>
    /// Up to <paramref name="count"/> free keys of <typeparamref name="T"/>'s generated key, in rising order, for
    /// rows this transaction inserts with explicit keys. On SQLite the range after the largest key (kept free by the
    /// write lock); on PostgreSQL values drawn from the identity's sequence, which no other node can draw again.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ReserveKeysAsync<T>(DbContext db, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            var first = await PreparedRows.NextKeyAsync<T>(db, cancellationToken);
            return Enumerable.Range(0, count).Select(i => first + i).ToList();
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var key = entityType.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{key}')) FROM generate_series(1, {count}) ORDER BY 1");
        var keys = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }
}
