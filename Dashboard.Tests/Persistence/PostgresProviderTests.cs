using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Persistence.Postgres.Migrations;
using Dashboard.Core.Records;
using Dashboard.Core.Records.Intake;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dashboard.Tests.Persistence;

/// <summary>
/// What PostgreSQL must do as SQLite does (issue 17): its own migrations match the model, the audit
/// trail is append-only and chained by its trigger with the links the verifier recomputes, several
/// writers at once still make one chain, and what several nodes share (start-up, keys) works.
/// </summary>
public sealed class PostgresProviderTests() : SeededCoreTests(DatabaseProvider.PostgreSql)
{
    private AuditChainVerifier Verifier => Core.Get<AuditChainVerifier>();

    [Fact]
    public async Task The_postgres_migrations_are_applied_and_match_the_model()
    {
        await using var db = Core.CreateDb();

        Assert.IsType<PostgresDashboardDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run Dashboard.Core/add-migration.sh.");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_AuditAppendOnlyChain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_rows_can_be_neither_changed_nor_removed_nor_truncated()
    {
        await Core.Get<AuditTrail>().RecordAsync("u1", "someone", "Admin", null, AuditActions.SignIn);

        foreach (var sql in new[]
        {
            "UPDATE \"AuditEvents\" SET \"UserName\" = 'x'", "DELETE FROM \"AuditEvents\"", "TRUNCATE \"AuditEvents\"",
            "UPDATE \"AuditChain\" SET \"Hash\" = 'x'", "DELETE FROM \"AuditChain\"", "TRUNCATE \"AuditChain\"",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Writers_on_many_connections_at_once_make_one_chain_that_the_verifier_recomputes()
    {
        var trail = Core.Get<AuditTrail>();
        var desk = await Core.ScopeOf(DemoAccounts.Desk.UserName);
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await trail.RecordAsync("w" + w, "写入者" + w, "Admin", "198.51.100." + w, AuditActions.SignIn, "Thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture), new { n = i, text = "中文 😀" });
            }
        })).ToList();
        writers.Add(Task.Run(() => Core.Get<BulkIntake>().AddHeldPatientsAsync(desk,
            [.. Enumerable.Range(0, 25).Select(i => new HeldPatientIntakeRow(desk.FacilityId!.Value, HeldPatientInputs.Spanning("并发" + i, TestIds.Resident(start: 300 + (i * 10)))))])));

        await Task.WhenAll(writers);

        var report = await Verifier.VerifyAsync();
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        Assert.Equal(90, await Core.CountAudit(AuditActions.SignIn));
        Assert.Equal(25, await Core.CountAudit(AuditActions.Create));
        Assert.Equal(report.RowsChecked, await ScalarAsync<long>("SELECT count(*) FROM \"AuditChain\""));
    }

    [Fact]
    public async Task Links_written_before_and_after_the_trigger_computes_the_link_first_make_one_chain()
    {
        var trail = Core.Get<AuditTrail>();
        var desk = await Core.ScopeOf(DemoAccounts.Desk.UserName);
        await using (var db = Core.CreateDb())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_" + nameof(AuditChainHashFirst), StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            Assert.DoesNotContain("previous :=", await ScalarAsync<string>("SELECT prosrc FROM pg_proc WHERE proname = 'audit_events_chain'"), StringComparison.Ordinal);
        }

        await trail.RecordAsync("u", "旧触发器", "Admin", "198.51.100.1", AuditActions.SignIn, "Thing", "1", new { text = "中文 😀" });
        await Core.Get<BulkIntake>().AddHeldPatientsAsync(desk, [new HeldPatientIntakeRow(desk.FacilityId!.Value, HeldPatientInputs.Spanning("旧链", TestIds.Resident(start: 500)))]);
        await using (var db = Core.CreateDb())
        {
            await db.Database.MigrateAsync();
            Assert.Contains("previous :=", await ScalarAsync<string>("SELECT prosrc FROM pg_proc WHERE proname = 'audit_events_chain'"), StringComparison.Ordinal);
        }

        await trail.RecordAsync("u", "新触发器", "Admin", null, AuditActions.SignIn, "Thing", "2", new { text = "中文 😀" });
        await Core.Get<BulkIntake>().AddHeldPatientsAsync(desk, [new HeldPatientIntakeRow(desk.FacilityId!.Value, HeldPatientInputs.Spanning("新链", TestIds.Resident(start: 600)))]);

        var report = await Verifier.VerifyAsync();
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        Assert.Equal(await ScalarAsync<long>("SELECT count(*) FROM \"AuditEvents\""), report.RowsChecked);
        Assert.Equal(2, await Core.CountAudit(AuditActions.Create));
    }

    [Fact]
    public async Task A_row_altered_with_the_triggers_switched_off_is_found_and_so_are_the_switched_off_triggers()
    {
        var trail = Core.Get<AuditTrail>();
        for (var i = 0; i < 3; i++)
        {
            await trail.RecordAsync("u", "someone" + i, "Admin", null, AuditActions.SignIn);
        }

        var middle = await ScalarAsync<long>("SELECT \"Id\" FROM \"AuditEvents\" ORDER BY \"Id\" OFFSET 1 LIMIT 1");
        await ExecuteAsync("ALTER TABLE \"AuditEvents\" DISABLE TRIGGER \"AuditEvents_NoUpdate\"");
        await ExecuteAsync($"UPDATE \"AuditEvents\" SET \"UserName\" = 'forged' WHERE \"Id\" = {middle}");

        var report = await Verifier.VerifyAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(middle, report.FirstBreak!.Id);
        Assert.Equal(["AuditEvents_NoUpdate"], report.MissingTriggers);
    }

    [Fact]
    public async Task A_name_search_treats_like_wildcards_as_the_letters_typed()
    {
        var desk = await Core.ScopeOf(DemoAccounts.Desk.UserName);
        var service = Core.Get<HeldPatientService>();
        Assert.True((await service.CreateAsync(desk, HeldPatientInputs.Spanning("Li_Na", TestIds.Resident(start: 700)))).Succeeded);
        Assert.True((await service.CreateAsync(desk, HeldPatientInputs.Spanning("LixNa", TestIds.Resident(start: 710)))).Succeeded);
        Assert.True((await service.CreateAsync(desk, HeldPatientInputs.Spanning("Li%Wei", TestIds.Resident(start: 720)))).Succeeded);

        async Task<List<string>> Find(string search) =>
            (await Core.Get<HeldPatientQueries>().SearchAsync(desk, new HeldPatientFilter(Search: search), 0, 10)).Items.Select(r => r.PatientName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Li_Na"], await Find("Li_"));
        Assert.Equal(["Li%Wei"], await Find("Li%"));
        Assert.Equal(["Li%Wei", "Li_Na", "LixNa"], await Find("Li"));
        Assert.Empty(await Find("li"));
    }

    [Fact]
    public async Task Two_nodes_starting_at_once_on_an_empty_database_migrate_and_seed_it_once()
    {
        using var database = new TempDatabase(DatabaseProvider.PostgreSql);
        await using var nodeA = new ServiceCollection().AddTestCore(database, Core.Clock).BuildServiceProvider();
        await using var nodeB = new ServiceCollection().AddTestCore(database, Core.Clock).BuildServiceProvider();

        await Task.WhenAll(
            Task.Run(() => nodeA.GetRequiredService<DatabaseInitializer>().InitializeAsync()),
            Task.Run(() => nodeB.GetRequiredService<DatabaseInitializer>().InitializeAsync()));

        await using var db = await nodeA.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.Equal(db.Regions.Select(r => r.Code).Distinct().Count(), await db.Regions.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "admin"));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_cookie_protected_on_one_node_is_read_on_another_through_keys_in_the_database()
    {
        using var database = new TempDatabase(DatabaseProvider.PostgreSql);
        await using var nodeA = new ServiceCollection().AddTestCore(database, Core.Clock).BuildServiceProvider();
        await using var nodeB = new ServiceCollection().AddTestCore(database, Core.Clock).BuildServiceProvider();
        await nodeA.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        var protectedText = nodeA.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed-in");
        var read = nodeB.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText);

        Assert.Equal("signed-in", read);
        await using var db = (PostgresDashboardDbContext)await nodeA.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.False(Directory.Exists(Path.Combine(database.Folder, "keys")), "With PostgreSQL the keys live in the database, not in a node's folder.");
    }

    [Fact]
    public void The_chain_lock_is_the_one_the_trigger_takes()
    {
        Assert.Equal(0x61756474, AuditAppendOnlyChain.ChainLockKey);
        Assert.NotEqual(AuditAppendOnlyChain.ChainLockKey, DatabaseInitializer.StartupLockKey);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Core.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Core.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
