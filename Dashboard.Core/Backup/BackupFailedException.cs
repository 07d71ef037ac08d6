namespace Dashboard.Core.Backup;

/// <summary>
/// A backup that could not be written or did not check out. <see cref="Reason"/> is for the UI (a
/// resource key and its values); the exception's message says the same in English for the tools and the log.
/// </summary>
public sealed class BackupFailedException : Exception
{
    public BackupFailedException(Message reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public BackupFailedException()
        : this("Backup_Failed", "The backup failed.")
    {
    }

    public BackupFailedException(string message)
        : this("Backup_Failed", message)
    {
    }

    public BackupFailedException(string message, Exception innerException)
        : this("Backup_Failed", message, innerException)
    {
    }

    public Message Reason { get; }
}
