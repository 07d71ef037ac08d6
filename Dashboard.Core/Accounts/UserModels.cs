namespace Dashboard.Core.Accounts;

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    UserRole Role,
    int? FacilityId,
    string? FacilityName,
    IReadOnlyList<int> RegionIds,
    bool IsDisabled,
    bool IsLockedOut,
    string ConcurrencyStamp);

/// <summary>What an administrator enters for a user: the role decides which assignment applies.</summary>
public sealed class UserInput
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public UserRole Role { get; set; } = UserRole.BillingDesk;

    /// <summary>For billing desks: exactly one facility.</summary>
    public int? FacilityId { get; set; }

    /// <summary>For supervisors and managers: one or more regions.</summary>
    public List<int> RegionIds { get; set; } = [];
}
