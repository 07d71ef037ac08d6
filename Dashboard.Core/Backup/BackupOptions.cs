namespace Dashboard.Core.Backup;

/// <summary>Settings of the "Dashboard:Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Dashboard:Backup";

    /// <summary>Where backups are written, relative to the content root. Empty: <c>backups</c> in the data folder.</summary>
    public string? Folder { get; set; }
}

/// <summary>The backup folder as an absolute path, resolved once at start.</summary>
public sealed record BackupFolder(string Path);
