using Microsoft.AspNetCore.Identity;

namespace Dashboard.Core.Accounts;

/// <summary>A person who signs in. Disabled, never deleted: the audit trail refers to them.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public UserRole Role { get; set; }

    /// <summary>The billing desk's facility; null for every other role.</summary>
    public int? FacilityId { get; set; }

    public Facility? Facility { get; set; }

    public List<UserRegion> Regions { get; set; } = [];

    public bool IsDisabled { get; set; }

    /// <summary>
    /// The password is known to someone else (generated at first start, set by an administrator):
    /// the user may do nothing but choose their own until they have.
    /// </summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Up to when the person acknowledged the board's activity strip; newer entries stay highlighted.</summary>
    public DateTime? ActivitySeenUtc { get; set; }
}

/// <summary>A region a supervisor or manager is responsible for.</summary>
public class UserRegion
{
    public required string UserId { get; set; }

    public int RegionId { get; set; }
}
