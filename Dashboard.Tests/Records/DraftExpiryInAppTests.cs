using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Records;

/// <summary>The running app deletes expired drafts on its own clock: no user action, no restart.</summary>
public sealed class DraftExpiryInAppTests
{
    [Fact]
    public async Task The_running_app_deletes_a_draft_a_week_after_its_last_change_and_audits_it()
    {
        var clock = new FakeTimeProvider(TestClocks.FirstStart);
        using var factory = new DashboardAppFactory(clock);
        var services = factory.Services;
        string deskId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            deskId = await db.Users.Where(u => u.UserName == DemoAccounts.Desk.UserName).Select(u => u.Id).SingleAsync();
        }

        var desk = (await services.GetRequiredService<AccessScopeResolver>().ResolveAsync(deskId, "203.0.113.9"))!;
        await services.GetRequiredService<DraftService>().SaveAsync(desk, "held-patient:new:left", new HeldPatientInput { PatientName = "没保存" });
        var swept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        services.GetRequiredService<DraftExpiry>().Swept += deleted =>
        {
            if (deleted > 0)
            {
                swept.TrySetResult();
            }
        };

        clock.Advance(TimeSpan.FromDays(7) + DraftExpiry.Interval);

        // A guard against a hang, not a timing assertion: the pass runs as soon as the clock ticks.
        await swept.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var check = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.False(await check.FormDrafts.AnyAsync(d => d.FormKey == "held-patient:new:left"));
        Assert.Equal(1, await check.AuditEvents.CountAsync(a => a.Action == AuditActions.DraftExpired && a.EntityId == "held-patient:new:left"));
    }
}
