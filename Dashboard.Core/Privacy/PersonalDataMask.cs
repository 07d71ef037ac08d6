using System.Text.RegularExpressions;

namespace Dashboard.Core.Privacy;

/// <summary>
/// Masking of sensitive personal information (PIPL Art. 28) for lists, boards and logs:
/// an ID number keeps its first 6 and last 4 characters, a phone its first 3 and last 4.
/// </summary>
public static partial class PersonalDataMask
{
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.Length <= 10 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));
    }

    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.Length <= 7 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
    }

    /// <summary>Masks every resident ID number and mobile phone number found in free text (log lines).</summary>
    public static string InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = ResidentId().Replace(text, m => IdNumber(m.Value));
        return Mobile().Replace(masked, m => Phone(m.Value));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex ResidentId();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
