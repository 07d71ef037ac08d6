using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A real SQLite file in a temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cutover-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        Directory.CreateDirectory(_folder);
        FilePath = Path.Combine(_folder, "cutover.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>This test's own folder: the app's data folder (keys, exports) goes here too, never a shared one.</summary>
    public string Folder => _folder;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
