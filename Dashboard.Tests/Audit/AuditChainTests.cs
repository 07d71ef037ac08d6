using System.Globalization;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Records.Intake;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.Infrastructure.HeldPatientInputs;

namespace Dashboard.Tests.Audit;

/// <summary>
/// The audit trail's hash chain (docs/adr/0009-audit-chain.md): every writer is chained, and someone
/// with the database file who drops the refusing triggers and then alters, deletes or forges a row
/// is caught by the verifier, which names the first broken link.
/// </summary>
public sealed class AuditChainTests : SeededCoreTests
{
    private AuditChainVerifier Verifier => Core.Get<AuditChainVerifier>();

    /// <summary>Five rows of our own after the seed's, returning their ids.</summary>
    private async Task<long[]> RecordFiveAsync()
    {
        var trail = Core.Get<AuditTrail>();
        for (var i = 0; i < 5; i++)
        {
            await trail.RecordAsync("u" + i, "user" + i, "Admin", "203.0.113." + i, AuditActions.SignIn, details: new { i });
        }

        await using var db = Core.CreateDb();
        return [.. await db.AuditEvents.OrderByDescending(a => a.Id).Take(5).Select(a => a.Id).OrderBy(id => id).ToListAsync()];
    }

    /// <summary>What someone with the file and the sqlite3 shell can do: a plain connection, no app, no chain function.</summary>
    private async Task TamperAsync(params string[] statements)
    {
        await using var connection = new SqliteConnection(Core.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private const string ForgedRow =
        "INSERT INTO AuditEvents (OccurredUtc, UserId, UserName, Role, Action, EntityType, EntityId) " +
        "VALUES ('2026-11-22 04:00:00', 'u9', 'forger', 'Admin', 'SignIn', NULL, NULL)";

    [Fact]
    public async Task A_seeded_database_and_every_writer_after_it_form_one_unbroken_chain()
    {
        var desk = await Core.ScopeOf("desk");
        await RecordFiveAsync();
        var bulk = await Core.Get<BulkIntake>().AddHeldPatientsAsync(desk,
        [
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Spanning("王芳", TestIds.Resident(start: 60))),
            new HeldPatientIntakeRow(desk.FacilityId!.Value, Spanning("李四", TestIds.Resident(start: 70))),
        ]);
        var form = await Core.Get<HeldPatientService>().CreateAsync(desk, Spanning("赵六", TestIds.Resident(start: 80)));

        var report = await Verifier.VerifyAsync();

        Assert.Equal(2, bulk.Written);
        Assert.True(form.Succeeded);
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        await using var db = Core.CreateDb();
        Assert.Equal(await db.AuditEvents.CountAsync(), report.RowsChecked);
        Assert.Equal(await db.AuditEvents.CountAsync(), await db.AuditChain.CountAsync());
        Assert.Equal((await db.AuditChain.OrderByDescending(l => l.AuditEventId).FirstAsync()).Hash, report.Head);
    }

    [Fact]
    public async Task Writers_at_the_same_time_still_each_link_to_the_true_previous_row()
    {
        var trail = Core.Get<AuditTrail>();
        var desk = await Core.ScopeOf("desk");
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await trail.RecordAsync("w" + w, "writer" + w, "Admin", null, AuditActions.SignIn);
            }
        })).ToList();
        writers.Add(Task.Run(async () =>
        {
            await Core.Get<BulkIntake>().AddHeldPatientsAsync(desk,
                [.. Enumerable.Range(0, 20).Select(i => new HeldPatientIntakeRow(desk.FacilityId!.Value, Spanning("并发" + i, TestIds.Resident(start: 100 + (i * 10)))))]);
        }));

        await Task.WhenAll(writers);

        var report = await Verifier.VerifyAsync();
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        Assert.Equal(40, await Core.CountAudit(AuditActions.SignIn));
    }

    [Fact]
    public async Task An_altered_row_breaks_the_chain_at_that_row()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync("DROP TRIGGER AuditEvents_NoUpdate", $"UPDATE AuditEvents SET UserName = 'someone-else' WHERE Id = {Id(ids[2])}");

        var report = await Verifier.VerifyAsync();
        var broken = Assert.IsType<AuditChainBreak>(report.FirstBreak);
        Assert.Equal(ids[2], broken.Id);
        Assert.NotNull(broken.Found);
        Assert.NotEqual(broken.Expected, broken.Found);
        Assert.Equal(["AuditEvents_NoUpdate"], report.MissingTriggers);
        Assert.False(report.IsIntact);
    }

    [Fact]
    public async Task A_deleted_middle_row_is_reported_by_its_id()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync("DROP TRIGGER AuditEvents_NoDelete", $"DELETE FROM AuditEvents WHERE Id = {Id(ids[2])}");

        Assert.Equal(ids[2], (await Verifier.VerifyAsync()).FirstBreak?.Id);
    }

    [Fact]
    public async Task A_deleted_middle_row_taken_out_with_its_link_breaks_the_chain_at_the_next_row()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync(
            "DROP TRIGGER AuditEvents_NoDelete", "DROP TRIGGER AuditChain_NoDelete",
            $"DELETE FROM AuditEvents WHERE Id = {Id(ids[2])}", $"DELETE FROM AuditChain WHERE AuditEventId = {Id(ids[2])}");

        var report = await Verifier.VerifyAsync();
        Assert.Equal(ids[3], report.FirstBreak?.Id);
        Assert.Equal(["AuditEvents_NoDelete", "AuditChain_NoDelete"], report.MissingTriggers);
    }

    [Fact]
    public async Task The_newest_rows_deleted_with_their_links_are_caught_by_the_id_counter()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync(
            "DROP TRIGGER AuditEvents_NoDelete", "DROP TRIGGER AuditChain_NoDelete",
            $"DELETE FROM AuditEvents WHERE Id >= {Id(ids[3])}", $"DELETE FROM AuditChain WHERE AuditEventId >= {Id(ids[3])}");

        Assert.Equal(ids[3], (await Verifier.VerifyAsync()).FirstBreak?.Id);
    }

    [Fact]
    public async Task A_forged_row_inserted_without_the_chain_trigger_has_no_link()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync("DROP TRIGGER AuditEvents_Chain", ForgedRow);

        var broken = (await Verifier.VerifyAsync()).FirstBreak;
        Assert.Equal(ids[4] + 1, broken?.Id);
        Assert.Null(broken?.Found);
    }

    [Fact]
    public async Task A_forged_row_with_a_made_up_link_does_not_match()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync("DROP TRIGGER AuditEvents_Chain", ForgedRow,
            $"INSERT INTO AuditChain (AuditEventId, Hash) VALUES ({Id(ids[4] + 1)}, '{new string('a', 64)}')");

        var broken = (await Verifier.VerifyAsync()).FirstBreak;
        Assert.Equal(ids[4] + 1, broken?.Id);
        Assert.Equal(new string('a', 64), broken?.Found);
    }

    [Fact]
    public async Task A_forged_row_slipped_into_a_deleted_rows_place_is_reported_there()
    {
        var ids = await RecordFiveAsync();

        await TamperAsync(
            "DROP TRIGGER AuditEvents_NoDelete", "DROP TRIGGER AuditEvents_Chain",
            $"DELETE FROM AuditEvents WHERE Id = {Id(ids[1])}",
            ForgedRow.Replace("(OccurredUtc,", "(Id, OccurredUtc,", StringComparison.Ordinal).Replace("VALUES (", $"VALUES ({Id(ids[1])}, ", StringComparison.Ordinal));

        Assert.Equal(ids[1], (await Verifier.VerifyAsync()).FirstBreak?.Id);
    }

    [Fact]
    public async Task With_the_triggers_in_place_a_plain_connection_can_neither_change_nor_add_rows()
    {
        await RecordFiveAsync();

        // No chain function on a connection the app did not open: the trigger refuses the row.
        var ex = await Assert.ThrowsAsync<SqliteException>(() => TamperAsync(ForgedRow));

        Assert.Contains(AuditChain.FunctionName, ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SqliteException>(() => TamperAsync("UPDATE AuditChain SET Hash = 'x'"));
        await Assert.ThrowsAsync<SqliteException>(() => TamperAsync("DELETE FROM AuditChain"));
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task The_chain_hashes_every_column_of_the_audit_table_and_the_trigger_passes_each()
    {
        await using var db = Core.CreateDb();
        var columns = db.Model.FindEntityType(typeof(AuditEvent))!.GetProperties().Select(p => p.GetColumnName()).ToList();
        var trigger = (string)(await ScalarAsync("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'AuditEvents_Chain'"))!;

        Assert.Equal(columns.Order(), AuditChain.Columns.Order());
        Assert.All(AuditChain.Columns, c => Assert.Contains("NEW." + c, trigger, StringComparison.Ordinal));
    }

    [Fact]
    public void The_link_encoding_tells_apart_values_that_would_run_together()
    {
        Assert.NotEqual(AuditChain.Link(null, ["ab", "c"]), AuditChain.Link(null, ["a", "bc"]));
        Assert.NotEqual(AuditChain.Link(null, [DBNull.Value]), AuditChain.Link(null, [""]));
        Assert.NotEqual(AuditChain.Link(null, [1L]), AuditChain.Link(null, ["1"]));
        Assert.NotEqual(AuditChain.Link(null, ["x"]), AuditChain.Link(new string('0', 64), ["x"]));
    }

    [Fact]
    public async Task An_upgraded_database_gets_its_existing_rows_chained_and_verifies()
    {
        using var database = new TempDatabase();
        await using var provider = new ServiceCollection().AddTestCore(database, Core.Clock).BuildServiceProvider();
        var dbFactory = provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var beforeChain = migrations[migrations.FindIndex(m => m.EndsWith("_AuditChain", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(beforeChain);
            for (var i = 0; i < 3; i++)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO AuditEvents (OccurredUtc, UserName, Action, AfterJson) VALUES ('2026-11-20 08:00:00', {0}, 'SignIn', {1})", "old" + i, "{\"n\":" + i + "}");
            }

            await db.Database.MigrateAsync();
        }

        await provider.GetRequiredService<AuditTrail>().RecordAsync("u", "after-upgrade", "Admin", null, AuditActions.SignIn);
        var report = await provider.GetRequiredService<AuditChainVerifier>().VerifyAsync();

        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        Assert.Equal(4, report.RowsChecked);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Core.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
