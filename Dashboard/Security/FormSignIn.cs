using System.Net;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Security;

/// <summary>
/// The login form's sign-in. Whether the name is unknown, the password wrong or the address has to
/// wait (<see cref="SignInThrottle"/>), the answer is the same and costs the same: one password hash,
/// against a stand-in hash when there is no account's to check. Every refusal is audited.
/// </summary>
internal sealed class FormSignIn(SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher, SignInThrottle throttle, AuditTrail audit)
{
    private static readonly ApplicationUser Nobody = new() { UserName = "" };
    private static string? _standInHash;

    /// <summary>Signs in and returns the user, or null with nothing to tell why.</summary>
    public async Task<ApplicationUser?> SignInAsync(string userName, string password, IPAddress? address)
    {
        var client = SignInThrottle.ClientKey(address);
        var clientAddress = address?.ToString();
        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (throttle.IsBlocked(client, userName))
        {
            HashInVain(password);
            throttle.RecordFailure(client, userName);
            await audit.RecordAsync(user?.Id, userName, user?.Role.ToString(), clientAddress, AuditActions.SignInLockedOut);
            return null;
        }

        // The account is never locked by failures (an attacker could lock anyone out): the throttle counts them per address.
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded && user is not null)
        {
            throttle.RecordSuccess(client, userName);
            await audit.RecordAsync(user.Id, user.UserName ?? userName, user.Role.ToString(), clientAddress, AuditActions.SignIn);
            return user;
        }

        // No password was checked for an unknown name, a disabled or a locked account: check one anyway.
        if (user is null || result.IsNotAllowed || result.IsLockedOut)
        {
            HashInVain(password);
        }

        throttle.RecordFailure(client, userName);
        await audit.RecordAsync(user?.Id, userName, user?.Role.ToString(), clientAddress, AuditActions.SignInFailed);
        return null;
    }

    private void HashInVain(string password)
    {
        var standIn = _standInHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, standIn, password);
    }
}
