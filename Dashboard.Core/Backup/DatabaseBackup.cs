using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Backup;

/// <summary>What a backup wrote: the file, its size, and the audit chain it carries (its last link, to note down elsewhere).</summary>
public sealed record BackupResult(string FileName, string FullPath, long SizeBytes, long AuditRowsChecked, string? AuditHead);

/// <summary>Who asked for a backup, as the audit trail records it.</summary>
public sealed record BackupActor(string? UserId, string UserName, string? Role, string? ClientAddress);

/// <summary>
/// An online backup of the SQLite database: <c>VACUUM INTO</c> a new file named for the UTC time
/// (<c>cutover-YYYYMMDD-HHMMSSZ.db</c>). It reads one snapshot, so the copy is consistent while the
/// app keeps writing (WAL), and it includes what is still in the WAL, which a file copy would miss.
/// The copy is then checked (<c>PRAGMA integrity_check</c>, the audit chain) before it is reported
/// and audited. One backup runs at a time; an existing file is never overwritten.
/// </summary>
public sealed partial class DatabaseBackup(
    IDbContextFactory<DashboardDbContext> dbFactory, BackupFolder folder, AuditTrail audit, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    public const string EntityType = "Database";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The configured backup folder, where administrators' backups go.</summary>
    public string Folder => folder.Path;

    /// <summary>The file name a backup taken at <paramref name="now"/> gets.</summary>
    public static string FileNameAt(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"cutover-{now.UtcDateTime:yyyyMMdd-HHmmss}Z.db");

    /// <summary>An administrator's backup into the configured folder; anyone else is refused, and the refusal audited.</summary>
    public async Task<CommandResult<BackupResult>> CreateAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, EntityType, "*", "backup", cancellationToken);
            return CommandResult.Forbidden();
        }

        try
        {
            var actor = new BackupActor(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress);
            return new CommandResult<BackupResult>(CommandResult.Ok(), await WriteAsync(folder.Path, actor, cancellationToken));
        }
        catch (BackupFailedException ex)
        {
            LogFailed(logger, ex.Message, ex);
            return CommandResult.Invalid("", ex.Reason);
        }
    }

    /// <summary>Writes, checks and audits one backup into <paramref name="targetFolder"/> (the tools pass their own).</summary>
    /// <exception cref="BackupFailedException">Not SQLite, the file exists, the copy failed or did not check out.</exception>
    public async Task<BackupResult> WriteAsync(string targetFolder, BackupActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite runs its async methods synchronously: off the caller's thread, a large
            // copy does not hold a circuit (whose page could show no progress meanwhile) or a request thread.
            var result = await Task.Run(() => CopyAsync(targetFolder, cancellationToken), cancellationToken);
            await audit.RecordAsync(actor.UserId, actor.UserName, actor.Role, actor.ClientAddress, AuditActions.Backup, EntityType, result.FileName,
                new { file = result.FileName, bytes = result.SizeBytes, auditRows = result.AuditRowsChecked, lastLink = result.AuditHead }, cancellationToken);
            LogWritten(logger, result.FullPath, result.SizeBytes, result.AuditHead);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<BackupResult> CopyAsync(string targetFolder, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            throw new BackupFailedException("Backup_NotSqlite",
                "This backup copies a SQLite database, and the app runs on another provider: back it up with that database's own tools (PostgreSQL: pg_dump, see docs/operations.md).");
        }

        var fileName = FileNameAt(clock.GetUtcNow());
        var path = Path.Combine(CreateFolder(targetFolder), fileName);
        CreateEmptyFile(path, fileName);
        try
        {
            // A large database takes long to copy; the default 30 s would cut it off.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {path}", cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or OperationCanceledException)
        {
            // Only the file this backup created, empty or half-written: never a good backup.
            File.Delete(path);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new BackupFailedException(new Message("Backup_CopyFailed", ex.Message), $"The copy into {path} failed: {ex.Message}", ex);
        }

        var (rows, head) = await CheckAsync(path, cancellationToken);
        return new BackupResult(fileName, path, new FileInfo(path).Length, rows, head);
    }

    /// <summary>The folder, created owner-only if missing (as the data folder: it holds personal data).</summary>
    private static string CreateFolder(string targetFolder)
    {
        var full = Path.GetFullPath(targetFolder);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(full);
            }
            else if (!Directory.Exists(full))
            {
                Directory.CreateDirectory(full, OwnerOnlyFolder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException(new Message("Backup_CannotWrite", full), $"Cannot create the backup folder {full}: {ex.Message}", ex);
        }

        return full;
    }

    /// <summary>
    /// Claims the name with an empty owner-only file (VACUUM INTO fills an empty file and would create
    /// others with the default mode); CreateNew fails rather than overwrite, even against a backup started at the same moment elsewhere.
    /// </summary>
    private static void CreateEmptyFile(string path, string fileName)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new BackupFailedException(new Message("Backup_FileExists", fileName), $"{path} already exists and is left as it is: take the backup again in a second.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException(new Message("Backup_CannotWrite", Path.GetDirectoryName(path) ?? path), $"Cannot write {path}: {ex.Message}", ex);
        }
    }

    /// <summary>The copy opens, passes SQLite's integrity check and its audit chain verifies; otherwise it is set aside as <c>.failed</c>.</summary>
    private static async Task<(long Rows, string? Head)> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        string? problem;
        AuditChainReport? chain = null;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            problem = lines is ["ok"] ? null : "integrity check: " + string.Join("; ", lines.Take(5));
        }

        if (problem is null)
        {
            chain = await new AuditChainVerifier(new CopyContexts(connectionString)).VerifyAsync(cancellationToken);
            problem = chain.IsIntact ? null : $"audit chain: {chain.FirstBreak?.Problem ?? "missing triggers " + string.Join(", ", chain.MissingTriggers)}";
        }

        if (problem is not null || chain is null)
        {
            File.Move(path, path + ".failed");
            throw new BackupFailedException(new Message("Backup_CheckFailed", Path.GetFileName(path) + ".failed"), $"The copy {path} did not check out ({problem}); it was kept as {path}.failed.");
        }

        return (chain.RowsChecked, chain.Head);
    }

    /// <summary>Contexts on the copy, for the verifier: the same check as <c>verify-audit</c>, on the backup file.</summary>
    private sealed class CopyContexts(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connectionString).Options);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Path}: {Bytes} bytes, audit chain verified up to {LastLink}")]
    private static partial void LogWritten(ILogger logger, string path, long bytes, string? lastLink);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
