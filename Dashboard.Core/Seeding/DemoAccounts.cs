using Dashboard.Core.Accounts;

namespace Dashboard.Core.Seeding;

/// <summary>
/// One user per role, seeded only in demo mode. Their passwords are public on purpose: the login
/// page shows them in demo mode, and only there.
/// </summary>
public static class DemoAccounts
{
    public sealed record DemoAccount(string UserName, string Password, UserRole Role, string DisplayName);

    public static readonly DemoAccount Desk = new("desk", "Counter-demo-2026", UserRole.BillingDesk, "收费处（演练医院）");
    public static readonly DemoAccount Supervisor = new("supervisor", "Oversight-demo-2026", UserRole.Supervisor, "经办督导");
    public static readonly DemoAccount Manager = new("manager", "Catchup-demo-2026", UserRole.Manager, "补录经理");
    public static readonly DemoAccount Admin = new("demo-admin", "Admin-demo-2026", UserRole.Admin, "系统管理员（演示）");

    public static IReadOnlyList<DemoAccount> All { get; } = [Desk, Supervisor, Manager, Admin];
}
