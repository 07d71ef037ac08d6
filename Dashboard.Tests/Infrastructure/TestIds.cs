using Dashboard.Core.Records;
using System.Globalization;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Resident ID numbers built for tests with the real check-character rule.</summary>
internal static class TestIds
{
    /// <summary>A valid ID for the area and birth date; with <paramref name="endingInX"/> one whose check character is X.</summary>
    public static string Resident(string area = "340104", string birth = "19900307", bool endingInX = false, int start = 0)
    {
        for (var sequence = start; sequence < 1000; sequence++)
        {
            var first17 = area + birth + sequence.ToString("000", CultureInfo.InvariantCulture);
            var check = ResidentIdNumber.CheckCharacter(first17);
            if (!endingInX || check == 'X')
            {
                return first17 + check;
            }
        }

        throw new InvalidOperationException("No sequence gives that check character.");
    }
}
