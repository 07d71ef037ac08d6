using System.Collections.Concurrent;

namespace Dashboard.Core.CatchUp;

public sealed record ExportFile(string Path, string FileName, string UserId, DateTimeOffset ExpiresUtc);

/// <summary>
/// Finished export files waiting for their download: each token belongs to the user who exported
/// and is good once, for a few minutes. Files live in the app's own exports folder (owner-only where
/// the system has permissions), which starts empty: a file left by a crash is never served.
/// </summary>
public sealed class ExportFileStore : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, ExportFile> _files = new();
    private readonly TimeProvider clock;
    private readonly string _folder;

    public ExportFileStore(TimeProvider clock, string folder)
    {
        this.clock = clock;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        _folder = (OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(folder)
            : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)).FullName;
    }

    public string NewPath() => System.IO.Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".xlsx");

    public string Register(string path, string fileName, string userId)
    {
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        _files[token] = new ExportFile(path, fileName, userId, clock.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>The file for this user and token, taken out of the store (a token is good once).</summary>
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

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open by a finishing response; the temporary folder is cleaned at the next expiry pass.
        }
    }

    private void RemoveExpired()
    {
        foreach (var (token, file) in _files)
        {
            if (file.ExpiresUtc < clock.GetUtcNow() && _files.TryRemove(token, out _))
            {
                Delete(file.Path);
            }
        }
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            Delete(file.Path);
        }
    }
}
