using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.ApiKeys;

/// <summary>
/// The key a hospital system sends: <c>cdk_</c>, a 12-character public id, <c>_</c> and a 43-character
/// secret (32 random bytes, base64url). The id finds the row; only the secret's SHA-256 is stored, and
/// a presented secret is compared with it in constant time.
/// </summary>
public sealed record ApiKeyToken(string KeyId, string Secret)
{
    public const string Prefix = "cdk_";

    public const int KeyIdLength = 12;

    public const int SecretLength = 43;

    /// <summary>The whole key's length: the prefix (4), the id, the separator and the secret.</summary>
    public const int Length = 4 + KeyIdLength + 1 + SecretLength;

    private const string KeyIdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public override string ToString() => Prefix + KeyId + "_" + Secret;

    public byte[] SecretHash() => HashOf(Secret);

    public static ApiKeyToken New() => new(
        RandomNumberGenerator.GetString(KeyIdAlphabet, KeyIdLength),
        Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The token, or null when the text is not shaped like one (nothing is looked up then).</summary>
    public static ApiKeyToken? Parse(string? text)
    {
        if (text is null || text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var keyId = text.Substring(Prefix.Length, KeyIdLength);
        var secret = text[(Prefix.Length + KeyIdLength + 1)..];
        return text[Prefix.Length + KeyIdLength] == '_' && keyId.All(KeyIdAlphabet.Contains) && secret.All(IsBase64Url)
            ? new ApiKeyToken(keyId, secret)
            : null;
    }

    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(SecretHash(), storedHash);

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
