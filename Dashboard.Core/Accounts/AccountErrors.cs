namespace Dashboard.Core.Accounts;

/// <summary>Message keys for account validation (localized by the UI).</summary>
public static class AccountErrors
{
    public const string FacilityRequired = "Users_FacilityRequired";
    public const string RegionsRequired = "Users_RegionsRequired";
    public const string UserNameFormat = "Users_UserNameFormat";
    public const string CannotChangeSelf = "Users_CannotChangeSelf";

    /// <summary>ASP.NET Core Identity's error codes become keys such as <c>IdentityError_PasswordTooShort</c>.</summary>
    public static string FromIdentity(string code) => "IdentityError_" + code;
}
