namespace Dashboard.Core.Accounts;

/// <summary>Every user has exactly one role.</summary>
public enum UserRole
{
    /// <summary>A billing desk (收费处 / 医保办) bound to exactly one facility.</summary>
    BillingDesk,
    /// <summary>An agency supervisor for one or more regions.</summary>
    Supervisor,
    /// <summary>A manager for one or more regions; may export.</summary>
    Manager,
    Admin,
}
