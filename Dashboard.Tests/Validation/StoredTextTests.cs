using Dashboard.Core.Accounts;
using Dashboard.Core.Facilities;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Validation;

/// <summary>Names an administrator pastes are kept as seen, like a patient's name on a record.</summary>
public sealed class StoredTextTests : SeededCoreTests
{
    [Fact]
    public async Task A_user_and_a_facility_are_saved_without_the_invisible_characters_they_were_pasted_with()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var facility = await Core.Facility("HEN-H01");

        var user = await Core.Get<UserAdminService>().CreateAsync(admin, new UserInput
        {
            UserName = "sun.li", DisplayName = "\u202E孙\u200B丽\t", Role = UserRole.BillingDesk, FacilityId = facility.Id,
        });
        var created = await Core.Get<FacilityService>().CreateAsync(admin, new FacilityInput
        {
            RegionId = facility.RegionId, Code = "HEN-H99", Name = "衡阳\u2066市\u2069第九医院\r\n", Kind = facility.Kind, ContactPhone = "０７３４-１２３４５６７",
        });

        Assert.True(user.Succeeded);
        Assert.True(created.Succeeded, string.Join(", ", created.Result.Errors.SelectMany(e => e.Value)));
        await using var db = Core.CreateDb();
        Assert.Equal("孙丽", (await db.Users.SingleAsync(u => u.UserName == "sun.li")).DisplayName);
        var saved = await db.Facilities.SingleAsync(f => f.Id == created.Value);
        Assert.Equal("衡阳市第九医院", saved.Name);
        Assert.Equal("0734-1234567", saved.ContactPhone);
    }
}
