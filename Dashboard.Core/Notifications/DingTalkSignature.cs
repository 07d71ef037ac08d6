using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Notifications;

/// <summary>
/// DingTalk's robot signature (加签): sign = URL-encoded Base64 of HMAC-SHA256 with the secret as key
/// over "timestamp\nsecret", the timestamp in Unix milliseconds; both go into the URL's query.
/// </summary>
public static class DingTalkSignature
{
    public static string Sign(string secret, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var stringToSign = timestampMilliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(hash);
    }

    /// <summary>The robot's URL with <c>timestamp</c> and <c>sign</c> appended.</summary>
    public static Uri SignedUrl(string url, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var sign = Uri.EscapeDataString(Sign(secret, timestamp));
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{url}{separator}timestamp={timestamp}&sign={sign}"));
    }
}
