using Dashboard.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A real database, removed afterwards: a SQLite file in a temporary folder, or a database of its own on
/// the test PostgreSQL cluster (<see cref="TestPostgres"/>), created by the first migration or from a seeded template.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cutover-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Directory.CreateDirectory(_folder);
        Provider = provider;
        FilePath = Path.Combine(_folder, "cutover.db");
        if (provider == DatabaseProvider.PostgreSql)
        {
            DatabaseName = "t_" + Path.GetFileName(_folder);
            ConnectionString = TestPostgres.ConnectionString(DatabaseName);
        }
        else
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string FilePath { get; }

    /// <summary>The PostgreSQL database's name (PostgreSQL only).</summary>
    public string? DatabaseName { get; }

    public string ConnectionString { get; }

    /// <summary>This test's own folder: the app's data folder (keys, exports) goes here too, never a shared one.</summary>
    public string Folder => _folder;

    /// <summary>Makes this database a copy of <paramref name="template"/> (same provider), which must have no open connections.</summary>
    public void CopyFrom(TempDatabase template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            TestPostgres.Execute($"CREATE DATABASE \"{DatabaseName}\" TEMPLATE \"{template.DatabaseName}\"");
        }
        else
        {
            File.Copy(template.FilePath, FilePath, overwrite: true);
        }
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.Execute($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned by the OS.
        }
    }
}
