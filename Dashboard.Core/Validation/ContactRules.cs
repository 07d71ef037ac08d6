using System.Text.RegularExpressions;

namespace Dashboard.Core.Validation;

/// <summary>
/// Phone formats accepted in China: mobile, or a landline with area code. ASCII digits only: .NET's
/// \d also matches Arabic-Indic and other scripts' digits, which no phone system dials.
/// </summary>
public static partial class ContactRules
{
    public static bool IsPhone(string value) => Mobile().IsMatch(value) || Landline().IsMatch(value);

    /// <summary>
    /// Adds the field's error for a phone that is not empty and not a phone: a specific one when it is
    /// written in another script's digits (pasted Arabic-Indic digits look like a number but dial nothing).
    /// </summary>
    public static void CheckPhone(string field, string? phone, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(phone) || IsPhone(phone))
        {
            return;
        }

        errors.Add(field, phone.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c)) ? ValidationErrors.PhoneDigits : ValidationErrors.Phone);
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?$")]
    private static partial Regex Landline();
}
