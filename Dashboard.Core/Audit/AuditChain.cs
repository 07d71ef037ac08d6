using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dashboard.Core.Audit;

/// <summary>
/// The audit trail's hash chain (docs/adr/0008-audit-chain.md). Each audit row has a link in
/// <c>AuditChain</c>: SHA-256 over the previous link and the row's every column in a canonical
/// encoding. The link is written by an AFTER INSERT trigger, inside the inserting statement's write
/// transaction, so every writer (SaveChanges, the bulk intake's prepared inserts) is chained and two
/// writers can never link to the same predecessor. The trigger calls <see cref="FunctionName"/>,
/// which each connection gets from <see cref="Register"/> when it opens.
/// </summary>
public static class AuditChain
{
    public const string FunctionName = "audit_chain_hash";

    public const string Table = "AuditChain";

    /// <summary>
    /// Every column of AuditEvents, in the order they are hashed, as the trigger (migration AuditChain)
    /// passes them. A new column goes here, in the verifier, and in a new trigger; a test holds them together.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns =
        ["Id", "OccurredUtc", "UserId", "UserName", "Role", "Action", "EntityType", "EntityId", "BeforeJson", "AfterJson", "ClientAddress"];

    /// <summary>The triggers that keep the trail append-only and chained; the verifier reports any that is missing.</summary>
    public static readonly IReadOnlyList<string> Triggers =
        ["AuditEvents_NoUpdate", "AuditEvents_NoDelete", "AuditEvents_Chain", "AuditChain_NoUpdate", "AuditChain_NoDelete"];

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("cutover-audit-chain-v1");

    private const byte NullTag = 0;
    private const byte IntegerTag = 1;
    private const byte RealTag = 2;
    private const byte TextTag = 3;
    private const byte BlobTag = 4;

    /// <summary>Gives the connection the chain's hash function (idempotent: registering again replaces it).</summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction(FunctionName, (object?[] args) => Link(args[0] as string, args.AsSpan(1)), isDeterministic: true);
    }

    /// <summary>
    /// The link of a row: SHA-256 over a version tag, the previous link (none for the first row) and
    /// the row's values as SQLite stores them, each tagged with its storage class and, for text and
    /// blobs, prefixed with its length, so no two different rows encode alike. Lower-case hex.
    /// </summary>
    public static string Link(string? previous, ReadOnlySpan<object?> values)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Span<byte> number = stackalloc byte[8];
        if (previous is null)
        {
            hash.AppendData([NullTag]);
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(previous);
            hash.AppendData([TextTag]);
            AppendLength(hash, number, bytes.Length);
            hash.AppendData(bytes);
        }

        AppendLength(hash, number, values.Length);
        foreach (var value in values)
        {
            switch (value)
            {
                case null or DBNull:
                    hash.AppendData([NullTag]);
                    break;
                case long integer:
                    hash.AppendData([IntegerTag]);
                    BinaryPrimitives.WriteInt64BigEndian(number, integer);
                    hash.AppendData(number);
                    break;
                case double real:
                    hash.AppendData([RealTag]);
                    BinaryPrimitives.WriteDoubleBigEndian(number, real);
                    hash.AppendData(number);
                    break;
                case string text:
                    hash.AppendData([TextTag]);
                    var bytes = Encoding.UTF8.GetBytes(text);
                    AppendLength(hash, number, bytes.Length);
                    hash.AppendData(bytes);
                    break;
                case byte[] blob:
                    hash.AppendData([BlobTag]);
                    AppendLength(hash, number, blob.Length);
                    hash.AppendData(blob);
                    break;
                default:
                    throw new ArgumentException($"An SQLite value cannot be a {value.GetType().Name}.", nameof(values));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendLength(IncrementalHash hash, Span<byte> buffer, int length)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer, length);
        hash.AppendData(buffer);
    }
}
