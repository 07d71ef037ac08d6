using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Writes many rows of one entity type with SQLite statements prepared once and bound by position,
/// on the context's open connection inside the caller's transaction. Columns, value conversions
/// (enums as text, instants as sortable UTC text, yuan as fen) and keys come from the EF model, so
/// the rows are what SaveChanges would write, without the change tracker. Inserts put
/// <see cref="RowsPerStatement"/> rows in one statement: each statement opens a cursor on the table
/// and every index and updates the AUTOINCREMENT counter, which is most of the cost of a one-row
/// insert. Why: docs/adr/0002-bulk-intake.md.
/// </summary>
public sealed class PreparedRows : IBulkRowWriter
{
    public const int RowsPerStatement = 32;

    /// <summary>How Microsoft.Data.Sqlite (and so EF Core) writes a DateTime: text that sorts as time does.</summary>
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly sqlite3 _handle;
    private readonly string _table;
    private readonly Column[] _columns;
    private readonly Column[] _where;
    private readonly Dictionary<int, sqlite3_stmt> _statements = [];

    private PreparedRows(sqlite3 handle, string table, Column[] columns, Column[] where)
    {
        _handle = handle;
        _table = table;
        _columns = columns;
        _where = where;
    }

    /// <summary>
    /// INSERTs of every mapped column. A store-generated key is written only when
    /// <paramref name="explicitKey"/> (the caller assigned it, see <see cref="NextKeyAsync{T}"/>);
    /// otherwise SQLite assigns it.
    /// </summary>
    public static PreparedRows Insert(DbContext db, Type entity, bool explicitKey)
    {
        var (handle, entityType, table) = TableOf(db, entity);
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var columns = table.ColumnMappings.Where(m => explicitKey || m.Property != key).Select(NewColumn).ToArray();
        return new PreparedRows(handle, table.Table.Name, columns, []);
    }

    /// <summary>An UPDATE of the named properties of the row with the entity's key.</summary>
    public static PreparedRows Update<T>(DbContext db, params string[] properties)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(properties);
        var (handle, entityType, table) = TableOf(db, typeof(T));
        var key = entityType.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{typeof(T).Name} has no key.");
        var set = properties.Select(name => NewColumn(Mapping(table, entityType.FindProperty(name)))).ToArray();
        return new PreparedRows(handle, table.Table.Name, set, key.Select(p => NewColumn(Mapping(table, p))).ToArray());
    }

    /// <summary>
    /// The first free value of an AUTOINCREMENT key: above both the largest key and the highest ever
    /// handed out. Valid only inside a write transaction (BEGIN IMMEDIATE), which keeps it free.
    /// </summary>
    public static async Task<long> NextKeyAsync<T>(DbContext db, CancellationToken cancellationToken)
    {
        var (_, entityType, table) = TableOf(db, typeof(T));
        var key = Mapping(table, entityType.FindPrimaryKey()!.Properties.Single()).Column.Name;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText =
            $"SELECT max(coalesce((SELECT max(\"{key}\") FROM \"{table.Table.Name}\"), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = $table), 0)) + 1;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table.Table.Name;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task InsertAsync(IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        Insert(entities);
        return Task.CompletedTask;
    }

    /// <summary>Inserts the entities in order, <see cref="RowsPerStatement"/> to a statement.</summary>
    public void Insert(IReadOnlyList<object> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (_where.Length > 0)
        {
            throw new InvalidOperationException("This is an update.");
        }

        for (var start = 0; start < entities.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, entities.Count - start);
            var statement = InsertStatement(count);
            for (var row = 0; row < count; row++)
            {
                Bind(statement, row * _columns.Length, _columns, entities[start + row]);
            }

            Step(statement);
        }
    }

    /// <summary>Updates the entity's row; the number of rows changed (0 if its key is not there).</summary>
    public int Update(object entity)
    {
        if (_where.Length == 0)
        {
            throw new InvalidOperationException("This is an insert.");
        }

        if (!_statements.TryGetValue(0, out var statement))
        {
            var sql = $"UPDATE \"{_table}\" SET {string.Join(", ", _columns.Select((c, i) => $"\"{c.Name}\" = ?{i + 1}"))} " +
                $"WHERE {string.Join(" AND ", _where.Select((c, i) => $"\"{c.Name}\" = ?{_columns.Length + i + 1}"))};";
            _statements[0] = statement = Prepare(sql);
        }

        Bind(statement, 0, _columns, entity);
        Bind(statement, _columns.Length, _where, entity);
        Step(statement);
        return raw.sqlite3_changes(_handle);
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }

    private sqlite3_stmt InsertStatement(int rows)
    {
        if (!_statements.TryGetValue(rows, out var statement))
        {
            var values = Enumerable.Range(0, rows).Select(row =>
                "(" + string.Join(", ", _columns.Select((_, i) => "?" + (row * _columns.Length + i + 1).ToString(CultureInfo.InvariantCulture))) + ")");
            _statements[rows] = statement = Prepare(
                $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) VALUES {string.Join(", ", values)};");
        }

        return statement;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return statement;
    }

    private void Step(sqlite3_stmt statement)
    {
        try
        {
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_handle).utf8_to_string(), result, raw.sqlite3_extended_errcode(_handle));
        }
    }

    /// <summary>Binds one entity's values from position <paramref name="offset"/> + 1, as Microsoft.Data.Sqlite binds them.</summary>
    private void Bind(sqlite3_stmt statement, int offset, Column[] columns, object entity)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var value = column.Read(entity);
            if (value is not null && column.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            var index = offset + i + 1;
            Check(value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                // UTF-16 straight from the string: SQLite converts it without a managed copy per value.
                string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                short number => raw.sqlite3_bind_int64(statement, index, number),
                byte number => raw.sqlite3_bind_int64(statement, index, number),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                double number => raw.sqlite3_bind_double(statement, index, number),
                byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                DateTime time => BindDateTime(statement, index, time),
                _ => throw new NotSupportedException($"{_table}.{column.Name}: prepared rows do not write {value.GetType().Name} values."),
            });
        }
    }

    private static int BindDateTime(sqlite3_stmt statement, int index, DateTime time)
    {
        Span<char> text = stackalloc char[32];
        return time.TryFormat(text, out var length, DateTimeFormat, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text16(statement, index, text[..length])
            : throw new FormatException($"{time:O} does not fit the column format.");
    }

    private static (sqlite3 Handle, IEntityType EntityType, ITableMapping Table) TableOf(DbContext db, Type entity)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityType = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        if (entityType.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new NotSupportedException($"{entity.Name}.{shadow.Name} is a shadow property; prepared rows read CLR properties only.");
        }

        if (db.Database.CurrentTransaction is null || db.Database.GetDbConnection() is not SqliteConnection { Handle: { } handle })
        {
            throw new InvalidOperationException("Prepared rows are written on an open SQLite connection inside the caller's transaction.");
        }

        return (handle, entityType, entityType.GetTableMappings().Single());
    }

    private static IColumnMapping Mapping(ITableMapping table, IProperty? property) =>
        table.ColumnMappings.SingleOrDefault(m => m.Property == property) ?? throw new InvalidOperationException($"No column maps {property?.Name}.");

    private static Column NewColumn(IColumnMapping mapping) =>
        new(mapping.Column.Name, ((RelationalTypeMapping)mapping.TypeMapping).Converter, mapping.Property.GetGetter().GetClrValueUsingContainingEntity);

    private sealed record Column(string Name, ValueConverter? Converter, Func<object, object?> Read);
}
