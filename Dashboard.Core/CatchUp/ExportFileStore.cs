using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Core.CatchUp;

public sealed record ExportFile(string Path, string FileName, string UserId, DateTimeOffset ExpiresUtc);

/// <summary>
/// Finished export files waiting for their download: each token belongs to the user who exported
/// and is good once, for <see cref="Lifetime"/>. Files live in the app's own exports folder, which
/// only the app's account may enter, and are themselves owner-only (0600). Nothing is left behind:
/// the folder is emptied when the store is built (a file left by a crash is never served), a file
/// is deleted when its download ends (see the export endpoint), a sweep on the app's clock deletes
/// expired and abandoned files, and stopping the app deletes the rest.
/// </summary>
/// <remarks>
/// Registered as a hosted service so that the host builds it at start-up, not at the first export:
/// building it is what empties the folder of a previous run's files.
/// </remarks>
public sealed class ExportFileStore : IHostedService, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>How often expired files are looked for: a file outlives its token by at most this.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>A file still being written after this long belongs to an export that died without cleaning up.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ConcurrentDictionary<string, ExportFile> _files = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _writing = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly string _folder;
    private readonly ITimer _sweep;
    private readonly SharedExportDownloads? _shared;

    /// <param name="shared">Several nodes: finished files wait in the database instead of this node's folder.</param>
    public ExportFileStore(TimeProvider clock, string folder, SharedExportDownloads? shared = null)
    {
        this.clock = clock;
        _shared = shared;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        _folder = (OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(folder)
            : Directory.CreateDirectory(folder, OwnerOnlyFolder)).FullName;
        _sweep = clock.CreateTimer(_ => RemoveExpired(), null, SweepInterval, SweepInterval);
    }

    /// <summary>A new, empty export file only the app's account can read, open for writing.</summary>
    public FileStream Create()
    {
        var path = NewPath();
        _writing[path] = clock.GetUtcNow();
        return CreateFile(path);
    }

    private string NewPath() => System.IO.Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".xlsx");

    private static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// A written file becomes downloadable by its user, once, until it expires; with several nodes it moves
    /// into the database, so that any node serves it.
    /// </summary>
    public async Task<string> RegisterAsync(string path, string fileName, string userId, CancellationToken cancellationToken = default)
    {
        if (_shared is null)
        {
            return Register(path, fileName, userId);
        }

        _writing.TryRemove(path, out _);
        var token = Guid.NewGuid().ToString("N");
        try
        {
            await _shared.AddAsync(token, path, fileName, userId, clock.GetUtcNow() + Lifetime, cancellationToken);
        }
        finally
        {
            Delete(path);
        }

        return token;
    }

    /// <summary>A written file becomes downloadable by its user from this node's folder, once, until it expires (one node only).</summary>
    public string Register(string path, string fileName, string userId)
    {
        if (_shared is not null)
        {
            throw new InvalidOperationException("With several nodes a file is registered through RegisterAsync, into the database.");
        }

        _writing.TryRemove(path, out _);
        var token = Guid.NewGuid().ToString("N");
        _files[token] = new ExportFile(path, fileName, userId, clock.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>An export that failed or was refused: its partial file goes at once.</summary>
    public void Abandon(string path)
    {
        _writing.TryRemove(path, out _);
        Delete(path);
    }

    /// <summary>
    /// The file for this user and token, taken out of the store (a token is good once); with several nodes,
    /// out of the database into this node's folder, whichever node wrote it.
    /// </summary>
    public async Task<ExportFile?> TakeAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        if (_shared is null)
        {
            return Take(token, userId);
        }

        var path = NewPath();
        var fileName = await _shared.TakeAsync(token, userId, clock.GetUtcNow(), path, CreateFile, cancellationToken);
        return fileName is null ? null : new ExportFile(path, fileName, userId, clock.GetUtcNow());
    }

    /// <summary>The file name behind a token that is someone else's, so that a refused download can be audited.</summary>
    public async Task<string?> FileNameOfAnotherAsync(string token, string userId, CancellationToken cancellationToken = default) =>
        _shared is null ? FileNameOfAnother(token, userId) : await _shared.FileNameOfAnotherAsync(token, userId, cancellationToken);

    /// <summary>The file for this user and token, taken out of this node's store (a token is good once).</summary>
    public ExportFile? Take(string token, string userId)
    {
        if (!_files.TryGetValue(token, out var file) || file.UserId != userId || file.ExpiresUtc < clock.GetUtcNow())
        {
            return null;
        }

        return _files.TryRemove(token, out var taken) ? taken : null;
    }

    /// <summary>The file name behind a token that is someone else's, so that a refused download can be audited.</summary>
    public string? FileNameOfAnother(string token, string userId) =>
        _files.TryGetValue(token, out var file) && file.UserId != userId ? file.FileName : null;

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open (Windows refuses to delete an open file); the folder is emptied at the next start.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>Deletes the files of expired tokens and of exports that never finished.</summary>
    public void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        if (_shared is not null)
        {
            _ = RemoveSharedExpiredAsync(now);
        }

        foreach (var (token, file) in _files)
        {
            if (file.ExpiresUtc < now && _files.TryRemove(token, out _))
            {
                Delete(file.Path);
            }
        }

        foreach (var (path, started) in _writing)
        {
            if (now - started > AbandonedAfter && _writing.TryRemove(path, out _))
            {
                Delete(path);
            }
        }
    }

    private async Task RemoveSharedExpiredAsync(DateTimeOffset now)
    {
        try
        {
            await _shared!.RemoveExpiredAsync(now, CancellationToken.None);
        }
        catch (System.Data.Common.DbException)
        {
            // The database busy or away: the next sweep removes them.
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _sweep.Dispose();
        foreach (var file in _files.Values)
        {
            Delete(file.Path);
        }

        foreach (var path in _writing.Keys)
        {
            Delete(path);
        }
    }
}
