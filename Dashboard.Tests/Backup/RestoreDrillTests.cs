using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Backup;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Backup;

/// <summary>
/// The restore drill of docs/operations.md, end to end: a backup taken while a desk keeps saving is
/// put in place of the database in a new data folder and the app starts on it.
/// </summary>
public sealed class RestoreDrillTests : SeededCoreTests
{
    private const string BeforePrefix = "备份前";
    private const string DuringPrefix = "备份中";

    [Fact]
    public async Task A_backup_taken_while_a_desk_keeps_saving_restores_every_record_saved_before_it_with_an_intact_audit_trail()
    {
        var desk = await Core.ScopeOf(DemoAccounts.Desk.UserName);
        var saved = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            saved.Add(await LogAsync(desk, BeforePrefix, i));
        }

        // A real second writer: it keeps saving until the backup has returned; the backup starts once it has saved a few.
        var committed = new ConcurrentQueue<int>();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    committed.Enqueue(await LogAsync(desk, DuringPrefix, 100 + i));
                    if (committed.Count == 3)
                    {
                        writing.SetResult();
                    }
                }
            }
            catch (Exception ex) when (writing.TrySetException(ex))
            {
                throw;
            }
        });
        await writing.Task;
        var committedBeforeBackup = committed.ToArray();
        var backup = await Core.Get<DatabaseBackup>().CreateAsync(await Core.ScopeOf(DemoAccounts.Admin.UserName));
        await stop.CancelAsync();
        await writer;
        Assert.True(backup.Succeeded, string.Join(", ", backup.Result.Errors.SelectMany(e => e.Value)));
        var inOrder = committed.ToArray();

        // Restore: a new data folder whose database is the backup file, opened by the app's own start.
        using var restored = new DashboardAppFactory(Core.Clock);
        File.Copy(backup.Value!.FullPath, restored.DatabaseFile);
        var services = restored.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["ok"], await IntegrityCheckAsync(db));
        var chain = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(chain.IsIntact, chain.FirstBreak?.Problem);
        Assert.Equal(backup.Value.AuditHead, chain.Head);

        var restoredIds = await db.HeldPatients.Select(h => h.Id).ToListAsync();
        Assert.Empty(saved.Concat(committedBeforeBackup).Except(restoredIds));

        // One moment's snapshot: of the writer's records, the copy holds exactly the first ones it saved.
        var during = await db.HeldPatients.Where(h => h.PatientName.StartsWith(DuringPrefix)).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
        Assert.Equal(inOrder.Take(during.Count), during);

        // Each restored record still has its creation in the audit trail.
        var created = await db.AuditEvents.Where(a => a.Action == AuditActions.Create && a.EntityType == nameof(HeldPatient)).Select(a => a.EntityId).ToListAsync();
        Assert.Empty(restoredIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).Except(created));
    }

    private async Task<int> LogAsync(AccessScope desk, string prefix, int n)
    {
        // A birth date per record: every record a different resident ID, so none is a duplicate of another.
        var birth = new DateOnly(1950, 1, 1).AddDays(n).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var input = HeldPatientInputs.Spanning(prefix + n.ToString(CultureInfo.InvariantCulture), TestIds.Resident(birth: birth));
        var result = await Core.Get<HeldPatientService>().CreateAsync(desk, input);
        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
        return result.Value;
    }

    private static async Task<List<string>> IntegrityCheckAsync(DashboardDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
