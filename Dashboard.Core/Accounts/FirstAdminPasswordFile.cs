namespace Dashboard.Core.Accounts;

/// <summary>
/// Where the first administrator's generated password is handed over: a file in the data folder that
/// only the service's own user can read (never the log, which others read and keep). It is deleted
/// once the administrator has chosen their own password.
/// </summary>
public sealed class FirstAdminPasswordFile(string path)
{
    public const string FileName = "first-admin-password.txt";

    public string Path { get; } = path;

    public async Task WriteAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with these rights, not narrowed afterwards: there is no moment others could read it.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(Path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync($"user name: {userName}".AsMemory(), cancellationToken);
        await writer.WriteLineAsync($"password:  {password}".AsMemory(), cancellationToken);
        await writer.WriteLineAsync("Sign in and choose a new password; this file is then deleted.".AsMemory(), cancellationToken);
    }

    public void Delete() => File.Delete(Path);
}
