namespace Dashboard.Core.Persistence;

/// <summary>The database engine behind the app (<c>Dashboard:DatabaseProvider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file in the data folder: one application node (the embedded default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database through Npgsql: several application nodes share it (docs/operations.md).</summary>
    PostgreSql,
}
