using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Accounts;

/// <summary>
/// Administrators' user management. Each operation runs in its own service scope (a fresh
/// UserManager and context), and every change is saved with its audit event in one transaction.
/// </summary>
public sealed partial class UserAdminService(IServiceScopeFactory scopes, AuditTrail audit, TimeProvider clock, AccountChanges changes)
{
    private const string EntityType = "User";

    public async Task<IReadOnlyList<UserRow>?> ListAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!await RequireAdminAsync(scope, "list", cancellationToken))
        {
            return null;
        }

        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Role, u.FacilityId, FacilityName = u.Facility == null ? null : u.Facility.Name,
                RegionIds = u.Regions.Select(r => r.RegionId).ToList(), u.IsDisabled, u.LockoutEnd, u.ConcurrencyStamp,
            })
            .ToListAsync(cancellationToken);
        return users.Select(u => new UserRow(
            u.Id, u.UserName ?? "", u.DisplayName, u.Role, u.FacilityId, u.FacilityName, u.RegionIds, u.IsDisabled,
            u.LockoutEnd is { } end && end > now, u.ConcurrencyStamp ?? "")).ToList();
    }

    /// <summary>Creates a user with a generated one-time password, returned once, that the user must replace.</summary>
    public async Task<CommandResult<string>> CreateAsync(AccessScope scope, UserInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await RequireAdminAsync(scope, "create", cancellationToken))
        {
            return CommandResult.Forbidden();
        }

        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var users = services.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await ValidateAsync(db, input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var user = new ApplicationUser { UserName = input.UserName.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime, MustChangePassword = true };
        Apply(input, user);
        var password = PasswordGenerator.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return FromIdentity(created);
        }

        audit.Add(db, scope, AuditActions.Create, EntityType, user.Id, after: Snapshot(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CommandResult<string>(CommandResult.Ok(), password);
    }

    public Task<CommandResult> UpdateAsync(AccessScope scope, string userId, string concurrencyStamp, UserInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, userId, concurrencyStamp, AuditActions.Update, async (db, users, user) =>
        {
            if (userId == scope.UserId && input.Role != UserRole.Admin)
            {
                return CommandResult.Invalid(nameof(input.Role), AccountErrors.CannotChangeSelf);
            }

            if (await ValidateAsync(db, input, cancellationToken) is { } invalid)
            {
                return invalid;
            }

            var roleChanged = user.Role != input.Role;
            Apply(input, user);
            var renamed = await users.SetUserNameAsync(user, input.UserName.Trim());
            if (!renamed.Succeeded)
            {
                return FromIdentity(renamed);
            }

            // The role is in the cookie and decides what a page shows: sessions under the old one end.
            if (roleChanged)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            return null;
        }, cancellationToken);

    /// <summary>Disabling ends the user's sessions (new security stamp) and blocks sign-in.</summary>
    public Task<CommandResult> SetDisabledAsync(AccessScope scope, string userId, string concurrencyStamp, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, userId, concurrencyStamp, disabled ? AuditActions.Deactivate : AuditActions.Reactivate, async (_, users, user) =>
        {
            if (userId == scope.UserId)
            {
                return CommandResult.Invalid("", AccountErrors.CannotChangeSelf);
            }

            user.IsDisabled = disabled;
            await users.UpdateSecurityStampAsync(user);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Sets a new one-time password (returned once), clears any lockout and ends sessions (a new
    /// security stamp comes with the password). The administrator knows it, so the user must replace it.
    /// </summary>
    public async Task<CommandResult<string>> ResetPasswordAsync(AccessScope scope, string userId, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var password = PasswordGenerator.Generate();
        var result = await ChangeAsync(scope, userId, concurrencyStamp, AuditActions.PasswordReset, async (_, users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return FromIdentity(reset);
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            user.MustChangePassword = true;
            return null;
        }, cancellationToken);
        return new CommandResult<string>(result, result.Succeeded ? password : null);
    }

    private async Task<CommandResult> ChangeAsync(
        AccessScope scope, string userId, string concurrencyStamp, string action,
        Func<DashboardDbContext, UserManager<ApplicationUser>, ApplicationUser, Task<CommandResult?>> change,
        CancellationToken cancellationToken)
    {
        if (!await RequireAdminAsync(scope, action, cancellationToken))
        {
            return CommandResult.Forbidden();
        }

        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var users = services.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await db.Users.Include(u => u.Regions).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return CommandResult.NotFound();
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        var before = Snapshot(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change(db, users, user) is { } rejected)
        {
            return rejected;
        }

        audit.Add(db, scope, action, EntityType, user.Id, before, Snapshot(user));
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            return saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? CommandResult.Conflict() : FromIdentity(saved);
        }

        await transaction.CommitAsync(cancellationToken);
        changes.Publish(user.Id);
        return CommandResult.Ok();
    }

    private async Task<bool> RequireAdminAsync(AccessScope scope, string attempted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsAdmin)
        {
            return true;
        }

        await audit.RecordDeniedAsync(scope, EntityType, "*", attempted, cancellationToken);
        return false;
    }

    private static async Task<CommandResult?> ValidateAsync(DashboardDbContext db, UserInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.UserName), input.UserName, 64);
        if (!string.IsNullOrWhiteSpace(input.UserName) && !UserNamePattern().IsMatch(input.UserName.Trim()))
        {
            errors.Add(nameof(input.UserName), AccountErrors.UserNameFormat);
        }

        errors.RequireText(nameof(input.DisplayName), InputText.Line(input.DisplayName), 100);
        if (input.Role == UserRole.BillingDesk &&
            (input.FacilityId is not { } facilityId || !await db.Facilities.AnyAsync(f => f.Id == facilityId && f.IsActive, cancellationToken)))
        {
            errors.Add(nameof(input.FacilityId), AccountErrors.FacilityRequired);
        }

        if (input.Role is UserRole.Supervisor or UserRole.Manager)
        {
            var known = await db.Regions.CountAsync(r => input.RegionIds.Contains(r.Id), cancellationToken);
            if (input.RegionIds.Count == 0 || known != input.RegionIds.Distinct().Count())
            {
                errors.Add(nameof(input.RegionIds), AccountErrors.RegionsRequired);
            }
        }

        return errors.Any ? CommandResult.Invalid(errors.ToDictionary()) : null;
    }

    /// <summary>Only the assignment the role uses is kept: a desk has a facility, a supervisor regions.</summary>
    private static void Apply(UserInput input, ApplicationUser user)
    {
        user.DisplayName = InputText.Line(input.DisplayName);
        user.Role = input.Role;
        user.FacilityId = input.Role == UserRole.BillingDesk ? input.FacilityId : null;
        var regionIds = input.Role is UserRole.Supervisor or UserRole.Manager ? input.RegionIds.Distinct().ToList() : [];
        user.Regions.RemoveAll(r => !regionIds.Contains(r.RegionId));
        foreach (var regionId in regionIds.Where(id => user.Regions.All(r => r.RegionId != id)))
        {
            user.Regions.Add(new UserRegion { UserId = user.Id, RegionId = regionId });
        }
    }

    private static object Snapshot(ApplicationUser u) => new
    {
        u.UserName,
        u.DisplayName,
        u.Role,
        u.FacilityId,
        RegionIds = u.Regions.Select(r => r.RegionId).Order().ToList(),
        u.IsDisabled,
    };

    private static CommandResult FromIdentity(IdentityResult result) => CommandResult.Invalid(
        result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserInput.UserName) : "")
            .ToDictionary(g => g.Key, g => g.Select(e => (Message)AccountErrors.FromIdentity(e.Code)).ToArray()));

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();
}
