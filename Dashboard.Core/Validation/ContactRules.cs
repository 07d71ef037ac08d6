using System.Text.RegularExpressions;

namespace Dashboard.Core.Validation;

/// <summary>Phone formats accepted in China: mobile, or a landline with area code.</summary>
public static partial class ContactRules
{
    public static bool IsPhone(string value) => Mobile().IsMatch(value) || Landline().IsMatch(value);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex Landline();
}
