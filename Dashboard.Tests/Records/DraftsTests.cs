using Dashboard.Components.Records;
using System.Text.Json;
using Dashboard.Core;
using Dashboard.Core.Audit;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Records;

/// <summary>Drafts belong to one form instance, survive concurrent writers, and never break a save.</summary>
public sealed class DraftsTests : IAsyncLifetime
{
    private readonly SeededCore _core = new();

    public Task InitializeAsync() => _core.InitializeAsync();

    public Task DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Many_writers_of_one_draft_at_once_all_succeed_and_leave_one_row()
    {
        var scope = await _core.ScopeOf(DemoAccounts.Desk.UserName);
        var drafts = _core.Get<DraftService>();

        // What 20 quick keystroke pauses, a double event or two PCs on one key do: the old
        // load-then-insert failed with "UNIQUE constraint failed: FormDrafts.UserId, FormDrafts.FormKey".
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => drafts.SaveAsync(scope, "held-patient:new:same", new HeldPatientInput { PatientName = $"第{i}次" }))));

        await using var db = _core.CreateDb();
        Assert.Equal(1, await db.FormDrafts.CountAsync(d => d.FormKey == "held-patient:new:same"));
    }

    [Fact]
    public async Task Two_instances_of_the_same_form_keep_two_drafts_and_list_them_newest_first()
    {
        var scope = await _core.ScopeOf(DemoAccounts.Desk.UserName);
        var drafts = _core.Get<DraftService>();
        await drafts.SaveAsync(scope, "held-patient:new:a", new HeldPatientInput { PatientName = "甲" });
        _core.Clock.Advance(TimeSpan.FromMinutes(1));
        await drafts.SaveAsync(scope, "held-patient:new:b", new HeldPatientInput { PatientName = "乙" });

        Assert.Equal("甲", (await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:a"))!.Value.PatientName);
        Assert.Equal("乙", (await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:b"))!.Value.PatientName);
        var listed = await drafts.ListAsync(scope, "held-patient:new:");
        Assert.Equal(["乙", "甲"], listed.Select(d => d.PatientName));

        var other = await _core.ScopeOf(DemoAccounts.Supervisor.UserName);
        Assert.Empty(await drafts.ListAsync(other, "held-patient:new:"));
    }

    [Fact]
    public async Task A_failing_draft_store_is_reported_as_a_hint_and_never_throws()
    {
        var scope = await _core.ScopeOf(DemoAccounts.Desk.UserName);
        var broken = new DraftService(new BrokenFactory(), _core.Clock, Options.Create(new DashboardOptions()));
        using var autosave = new DraftAutosave<HeldPatientInput>(broken, scope, "held-patient:new:x", _core.Clock, NullLogger.Instance);
        var failures = 0;
        autosave.FailingChanged += () => failures++;

        Assert.Null(await autosave.LoadAsync());
        autosave.Schedule(new HeldPatientInput { PatientName = "张三" });
        _core.Clock.Advance(DraftAutosave<HeldPatientInput>.Delay);
        await WaitForAsync(() => Task.FromResult(autosave.Failing));
        await autosave.DiscardAsync();

        Assert.True(autosave.Failing);
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task A_newer_change_replaces_a_pending_draft_write()
    {
        var scope = await _core.ScopeOf(DemoAccounts.Desk.UserName);
        var drafts = _core.Get<DraftService>();
        using var autosave = new DraftAutosave<HeldPatientInput>(drafts, scope, "held-patient:new:y", _core.Clock, NullLogger.Instance);
        var input = new HeldPatientInput { PatientName = "张" };

        autosave.Schedule(input);
        input.PatientName = "张三丰";
        autosave.Schedule(input);
        _core.Clock.Advance(DraftAutosave<HeldPatientInput>.Delay);
        await WaitForAsync(async () => (await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:y"))?.Value.PatientName == "张三丰");

        await autosave.DiscardAsync();
        Assert.Null(await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:y"));
    }

    [Fact]
    public async Task An_expired_draft_is_never_offered_even_before_the_sweep_deletes_it()
    {
        var scope = await _core.ScopeOf(DemoAccounts.Desk.UserName);
        var drafts = _core.Get<DraftService>();
        await drafts.SaveAsync(scope, "held-patient:new:old", new HeldPatientInput { PatientName = "旧草稿" });

        _core.Clock.Advance(drafts.Lifetime - TimeSpan.FromMinutes(1));
        Assert.NotNull(await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:old"));
        Assert.Single(await drafts.ListAsync(scope, "held-patient:new:"));

        _core.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:old"));
        Assert.Empty(await drafts.ListAsync(scope, "held-patient:new:"));
    }

    [Fact]
    public async Task Expiry_deletes_drafts_older_than_seven_days_and_audits_each_without_its_content()
    {
        var scope = await _core.ScopeOf(DemoAccounts.Desk.UserName);
        var drafts = _core.Get<DraftService>();
        var id = TestIds.Resident(start: 950);
        await drafts.SaveAsync(scope, "held-patient:new:old", new HeldPatientInput { PatientName = "过期草稿", IdNumber = id, Phone = "13900002222" });
        _core.Clock.Advance(TimeSpan.FromDays(5));
        await drafts.SaveAsync(scope, "held-patient:new:recent", new HeldPatientInput { PatientName = "新草稿" });
        _core.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(TimeSpan.FromDays(7), drafts.Lifetime);
        Assert.Equal(1, await _core.Get<DraftExpiry>().DeleteExpiredAsync());
        Assert.Equal(0, await _core.Get<DraftExpiry>().DeleteExpiredAsync());

        await using var db = _core.CreateDb();
        Assert.Equal(["held-patient:new:recent"], await db.FormDrafts.Select(d => d.FormKey).ToListAsync());
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.DraftExpired);
        Assert.Equal((DraftExpiry.Actor, nameof(FormDraft), "held-patient:new:old"), (audit.UserName, audit.EntityType, audit.EntityId));
        using var details = JsonDocument.Parse(audit.AfterJson!);
        Assert.Equal(scope.UserId, details.RootElement.GetProperty("UserId").GetString());
        Assert.Equal(8, details.RootElement.GetProperty("AgeDays").GetDouble());
        Assert.DoesNotContain(id, audit.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("过期草稿", audit.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("13900002222", audit.AfterJson, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The draft write did not happen.");
            await Task.Delay(20);
        }
    }

    private sealed class BrokenFactory : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => throw new InvalidOperationException("The database is not reachable.");
    }
}
