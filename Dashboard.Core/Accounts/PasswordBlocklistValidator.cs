using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Core.Accounts;

/// <summary>
/// Refuses passwords that meet the length and character rules but are still guessed first: a common
/// password (the shipped list, whatever the letter case, also with digits or symbols stuck on either
/// end: <c>Password12</c>), one character repeated (<c>Aaaaaaaaa1</c>), or one that contains the user name.
/// </summary>
public sealed class PasswordBlocklistValidator : IPasswordValidator<ApplicationUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string ContainsUserNameCode = "PasswordContainsUserName";

    /// <summary>A shorter user name (none is allowed) would refuse too many good passwords.</summary>
    private const int ShortestUserNameChecked = 3;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = CommonCode, Description = "The password is too common or too easy to guess." });
        }

        if (user.UserName is { Length: >= ShortestUserNameChecked } userName && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = ContainsUserNameCode, Description = "The password must not contain the user name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        var core = lower.Trim(NotLetters(lower));
        return Common.Value.Contains(lower) || Common.Value.Contains(core) ||
               lower.Distinct().Count() <= 3 || (core.Length >= 6 && core.Distinct().Count() <= 2);
    }

    /// <summary>The digits and symbols of the password: what people add to a word to pass the rules.</summary>
    private static char[] NotLetters(string password) => [.. password.Where(c => !char.IsLetter(c)).Distinct()];

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordBlocklistValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
