using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Dashboard.Core.Persistence.Postgres;

/// <summary>
/// Inserts many rows of one entity type with PostgreSQL's binary COPY, on the context's open connection
/// inside the caller's transaction. Columns and value conversions come from the EF model, as in
/// <see cref="PreparedRows"/>, so the rows are what SaveChanges would write. Row triggers fire for
/// COPY as for INSERT: the audit chain links these rows too.
/// </summary>
public sealed class CopyRows : IBulkRowWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly string _copy;
    private readonly Column[] _columns;

    private CopyRows(NpgsqlConnection connection, string copy, Column[] columns)
    {
        _connection = connection;
        _copy = copy;
        _columns = columns;
    }

    public static CopyRows Insert(DbContext db, Type entity, bool explicitKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityType = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        if (db.Database.CurrentTransaction is null || db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            throw new InvalidOperationException("Copied rows are written on an open PostgreSQL connection inside the caller's transaction.");
        }

        var table = entityType.GetTableMappings().Single();
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var columns = table.ColumnMappings
            .Where(m => explicitKey || m.Property != key)
            .Select(m => new Column(m.Column.Name, ((RelationalTypeMapping)m.TypeMapping).Converter, m.Property.GetGetter().GetClrValueUsingContainingEntity))
            .ToArray();
        var copy = $"COPY \"{table.Table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        return new CopyRows(connection, copy, columns);
    }

    /// <inheritdoc />
    public async Task InsertAsync(IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return;
        }

        await using var importer = await _connection.BeginBinaryImportAsync(_copy, cancellationToken);
        foreach (var entity in entities)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in _columns)
            {
                var value = column.Read(entity);
                if (value is not null && column.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public void Dispose()
    {
    }

    private sealed record Column(string Name, ValueConverter? Converter, Func<object, object?> Read);
}
