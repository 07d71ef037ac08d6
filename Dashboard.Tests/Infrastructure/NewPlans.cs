using Dashboard.Core.Access;
using Dashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Core.Plans;
using Dashboard.Core.Seeding;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Opens a region from a template the way the new-plan page does, with the demo supervisor in charge.</summary>
public static class NewPlans
{
    public static async Task<CommandResult<int>> CreateAsync(
        IServiceProvider services, AccessScope admin, string template, string code, string nameZh, string nameEn, string stop)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var supervisor = await db.Users.Where(u => u.UserName == DemoAccounts.Supervisor.UserName).Select(u => u.Id).SingleAsync();
        return await services.GetRequiredService<PlanCreationService>().CreateFromTemplateAsync(admin, new NewPlanInput
        {
            TemplateCode = template, Code = code, NameZh = nameZh, NameEn = nameEn, NewStopLocal = stop, PeopleIds = [supervisor],
        });
    }
}
