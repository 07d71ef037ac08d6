using Dashboard.Core.Accounts;

namespace Dashboard.Components.Account;

/// <summary>Where a user goes after signing in: back where they were, or their role's home.</summary>
internal static class LandingPage
{
    public static string For(ApplicationUser user, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (returnUrl is { Length: > 1 } && Security.LocalUrl.IsLocal(returnUrl) &&
            !returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase))
        {
            return returnUrl;
        }

        return user.Role switch
        {
            UserRole.BillingDesk when user.FacilityId is { } facilityId => $"/facilities/{facilityId}",
            UserRole.Admin => "/admin/users",
            _ => "/",
        };
    }
}
