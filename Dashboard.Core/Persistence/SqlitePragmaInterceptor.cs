using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Sets per-connection SQLite pragmas: a busy timeout so concurrent writers wait instead of
/// failing at once, and foreign keys. WAL mode is persistent and set once by the initializer.
/// Also gives the connection the audit chain's hash function, which the audit trigger calls: a
/// connection without it cannot add audit rows (<see cref="AuditChain"/>).
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        RegisterFunctions(connection);
        using var command = CreatePragmaCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RegisterFunctions(connection);
        await using var command = CreatePragmaCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void RegisterFunctions(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            AuditChain.Register(sqlite);
        }
    }

    private DbCommand CreatePragmaCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";
        return command;
    }
}
