using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Records;

/// <summary>
/// Names one entry in one browser tab, carried in the page's address (?entry=…): a reload keeps
/// it and with it the draft, while another tab or another PC on the same account gets its own.
/// </summary>
public static class EntryInstance
{
    public const string QueryName = "entry";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Only ids this class made are used in draft keys; anything else in the address starts a new entry.</summary>
    public static bool IsValid(string? id) => id is { Length: 16 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The address of <paramref name="uri"/> with this entry's id set.</summary>
    public static string WithId(NavigationManager navigation, string id)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return navigation.GetUriWithQueryParameter(QueryName, id);
    }
}
