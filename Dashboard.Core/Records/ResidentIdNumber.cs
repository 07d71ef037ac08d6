using System.Globalization;

namespace Dashboard.Core.Records;

/// <summary>
/// The 18-character resident ID number of GB 11643-1999: 6-digit area code, 8-digit birth date,
/// 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentIdNumber
{
    public const string LengthError = "Id_Length";
    public const string FormatError = "Id_Format";
    public const string BirthDateError = "Id_BirthDate";
    public const string ChecksumError = "Id_Checksum";
    public const string FifteenDigitError = "Id_FifteenDigit";
    public const string BornTooEarlyError = "Id_BornTooEarly";
    public const string BornInFutureError = "Id_BornInFuture";

    /// <summary>Nobody alive was born before this; an earlier date is a typing error in the birth date.</summary>
    public const int EarliestBirthYear = 1890;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Trims and upper-cases, so a lowercase x check character is accepted.</summary>
    public static string Normalize(string value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Null if valid, otherwise the error. <paramref name="today"/> bounds the birth date.</summary>
    public static Message? Validate(string value, DateOnly today)
    {
        var id = Normalize(value);
        if (id.Length == 15 && id.AsSpan().ContainsOnlyDigits())
        {
            // The first-generation ID (before 2004): the new platform takes only the 18-character number.
            return FifteenDigitError;
        }

        if (id.Length != 18)
        {
            return new Message(LengthError, id.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (!id.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(id[17]) || id[17] == 'X') || id[0] == '0')
        {
            return FormatError;
        }

        if (BirthDate(id) is not { } birth)
        {
            return BirthDateError;
        }

        if (birth > today)
        {
            return BornInFutureError;
        }

        if (birth.Year < EarliestBirthYear)
        {
            return BornTooEarlyError;
        }

        return id[17] == CheckCharacter(id.AsSpan(0, 17)) ? null : Message.FromKey(ChecksumError);
    }

    public static DateOnly? BirthDate(string normalizedId) =>
        normalizedId.Length >= 14 && DateOnly.TryParseExact(normalizedId.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
