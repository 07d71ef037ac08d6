using System.CommandLine;
using System.Globalization;
using Dashboard.Core.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tools.Commands;

/// <summary><c>backup [--database file] [--output folder]</c>: an online, checked backup of a SQLite database, as the admin page takes it.</summary>
internal static class BackupCommand
{
    public static Command Create(ToolContext context)
    {
        var database = new Option<FileInfo?>("--database")
        {
            Description = "The SQLite database file to back up (the app may keep running). Default: the app's database, found as the app finds it.",
        };
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "The folder to write cutover-YYYYMMDD-HHMMSSZ.db into (created owner-only if missing). Default: the app's backup folder.",
        };
        var command = new Command("backup", "Writes a consistent copy of the database (VACUUM INTO), checks it (integrity check, audit chain) and audits it in the database.")
        {
            database,
            output,
        };
        command.SetAction((parse, cancellationToken) => ToolCommands.ReportingFailures(parse, async writer =>
        {
            var settings = new Dictionary<string, string?>(context.Settings ?? new Dictionary<string, string?>());
            if (parse.GetValue(database) is { } file)
            {
                if (!file.Exists)
                {
                    throw new InvalidOperationException($"There is no database at {file.FullName}.");
                }

                // ReadWrite, not ReadWriteCreate: a mistyped path is an error, never a new empty database.
                settings["ConnectionStrings:Dashboard"] = new SqliteConnectionStringBuilder { DataSource = file.FullName, Mode = SqliteOpenMode.ReadWrite }.ToString();
                settings["Dashboard:DataFolder"] = file.DirectoryName;
            }

            var tool = context with { Settings = settings };
            await using var services = tool.BuildServices(tool.LoadConfiguration(), logging => logging.AddFilter(_ => false));
            var backup = services.GetRequiredService<DatabaseBackup>();
            var folder = parse.GetValue(output)?.FullName ?? backup.Folder;
            var actor = new BackupActor(null, $"{Environment.UserName} (tools)", null, null);
            try
            {
                var result = await backup.WriteAsync(folder, actor, cancellationToken);
                await writer.WriteLineAsync($"backup: {result.FullPath}");
                await writer.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "size: {0:N0} bytes", result.SizeBytes));
                await writer.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "audit rows checked in the copy: {0:N0}", result.AuditRowsChecked));
                await writer.WriteLineAsync($"last link: {result.AuditHead ?? "(none)"}");
                await writer.WriteLineAsync("OK");
                return 0;
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"Cannot open the database: {ex.Message}", ex);
            }
            catch (BackupFailedException ex)
            {
                throw new InvalidOperationException(ex.Message, ex);
            }
        }));
        return command;
    }
}
