namespace Dashboard.Security;

/// <summary>
/// Where a redirect taken from a query or form may go: a path on this site only. Browsers read
/// "/\evil.example" like "//evil.example" (another host), so a backslash or a control character after
/// the first slash is refused as well as a second slash.
/// </summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' &&
        (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Any(char.IsControl);

    /// <summary>The url when it is local, otherwise the fallback.</summary>
    public static string OrDefault(string? url, string fallback = "/") => IsLocal(url) ? url! : fallback;
}
