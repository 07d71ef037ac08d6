using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Accounts;

/// <summary>Puts the user's one role and display name into the sign-in cookie.</summary>
public sealed class DashboardClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    public const string DisplayNameClaim = "display_name";

    /// <summary>For navigation only; access is always decided from the database.</summary>
    public const string FacilityClaim = "facility_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.FacilityId is { } facilityId)
        {
            identity.AddClaim(new Claim(FacilityClaim, facilityId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
