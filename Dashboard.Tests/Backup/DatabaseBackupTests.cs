using System.Security.Cryptography;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Backup;
using Dashboard.Core.Seeding;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Backup;

/// <summary>An administrator's online backup: where it goes, who may take it, and that it never overwrites.</summary>
public sealed class DatabaseBackupTests : SeededCoreTests
{
    private DatabaseBackup Backup => Core.Get<DatabaseBackup>();

    private async Task<CommandResult<BackupResult>> BackUpAsAdminAsync() => await Backup.CreateAsync(await Core.ScopeOf(DemoAccounts.Admin.UserName));

    [Fact]
    public async Task An_admin_backup_is_a_file_named_for_the_utc_time_only_the_app_account_can_read_and_is_audited_with_name_and_size()
    {
        var result = await BackUpAsAdminAsync();

        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
        var backup = result.Value!;
        Assert.Equal("cutover-20261122-040000Z.db", backup.FileName);
        Assert.Equal(Path.Combine(Backup.Folder, backup.FileName), backup.FullPath);
        Assert.Equal(new FileInfo(backup.FullPath).Length, backup.SizeBytes);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup.FullPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Backup.Folder));
        }

        await using var db = Core.CreateDb();
        var audited = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.Backup);
        Assert.Equal((DemoAccounts.Admin.UserName, DatabaseBackup.EntityType, backup.FileName), (audited.UserName, audited.EntityType, audited.EntityId));
        Assert.Contains($"\"file\":\"{backup.FileName}\",\"bytes\":{backup.SizeBytes}", audited.AfterJson, StringComparison.Ordinal);

        // The copy is a database of its own with the same content.
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup.FullPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Regions";
        Assert.Equal((long)await db.Regions.CountAsync(), await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_second_backup_in_the_same_second_is_refused_and_the_first_file_is_left_as_it_was()
    {
        var first = (await BackUpAsAdminAsync()).Value!;
        var firstBytes = SHA256.HashData(await File.ReadAllBytesAsync(first.FullPath));

        var second = await BackUpAsAdminAsync();

        Assert.Equal(CommandStatus.Invalid, second.Result.Status);
        Assert.Equal(new Message("Backup_FileExists", first.FileName), second.Result.Errors[""].Single());
        Assert.Equal(firstBytes, SHA256.HashData(await File.ReadAllBytesAsync(first.FullPath)));
        Assert.Equal(1, await Core.CountAudit(AuditActions.Backup));

        Core.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await BackUpAsAdminAsync();
        Assert.Equal("cutover-20261122-040001Z.db", third.Value?.FileName);
    }

    [Fact]
    public async Task A_desk_cannot_back_up_the_refusal_is_audited_and_no_file_is_written()
    {
        var result = await Backup.CreateAsync(await Core.ScopeOf(DemoAccounts.Desk.UserName));

        Assert.Equal(CommandStatus.Forbidden, result.Result.Status);
        await using var db = Core.CreateDb();
        var refusal = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.AuthorizationFailed);
        Assert.Equal((DemoAccounts.Desk.UserName, "BillingDesk", DatabaseBackup.EntityType), (refusal.UserName, refusal.Role, refusal.EntityType));
        Assert.Contains("\"attempted\":\"backup\"", refusal.AfterJson, StringComparison.Ordinal);
        Assert.Equal(0, await Core.CountAudit(AuditActions.Backup));
        Assert.False(Directory.Exists(Backup.Folder) && Directory.EnumerateFileSystemEntries(Backup.Folder).Any());
    }
}

/// <summary>On PostgreSQL the admin's backup is refused with what to use instead (pg_dump), and nothing is written.</summary>
public sealed class DatabaseBackupOnPostgresTests() : SeededCoreTests(Dashboard.Core.Persistence.DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task A_backup_on_postgresql_is_refused_with_the_reason_and_writes_no_file()
    {
        var backup = Core.Get<DatabaseBackup>();

        var result = await backup.CreateAsync(await Core.ScopeOf(DemoAccounts.Admin.UserName));

        Assert.Equal(CommandStatus.Invalid, result.Result.Status);
        Assert.Equal("Backup_NotSqlite", result.Result.Errors[""].Single().Key);
        Assert.False(Directory.Exists(backup.Folder) && Directory.EnumerateFiles(backup.Folder).Any());
    }
}
