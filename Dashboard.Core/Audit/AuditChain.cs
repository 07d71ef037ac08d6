using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dashboard.Core.Audit;

/// <summary>
/// The audit trail's hash chain (docs/adr/0009-audit-chain.md). Each audit row has a link in
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
        // One buffer and a one-shot hash: the trigger calls this for every audit row a bulk intake writes,
        // and an incremental hash object per call cost as much as the rest of the row's insert.
        var size = Domain.Length + 1 + 8 + (previous is null ? 0 : Encoding.UTF8.GetByteCount(previous)) + 8;
        foreach (var value in values)
        {
            size += 1 + 8 + value switch
            {
                string text => Encoding.UTF8.GetByteCount(text),
                byte[] blob => blob.Length,
                _ => 0,
            };
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = Encode(buffer, previous, values);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Encode(Span<byte> buffer, string? previous, ReadOnlySpan<object?> values)
    {
        Domain.CopyTo(buffer);
        var at = Domain.Length;
        at = previous is null ? Tag(buffer, at, NullTag) : Text(buffer, at, previous);
        BinaryPrimitives.WriteInt64BigEndian(buffer[at..], values.Length);
        at += 8;
        foreach (var value in values)
        {
            switch (value)
            {
                case null or DBNull:
                    at = Tag(buffer, at, NullTag);
                    break;
                case long integer:
                    at = Tag(buffer, at, IntegerTag);
                    BinaryPrimitives.WriteInt64BigEndian(buffer[at..], integer);
                    at += 8;
                    break;
                case double real:
                    at = Tag(buffer, at, RealTag);
                    BinaryPrimitives.WriteDoubleBigEndian(buffer[at..], real);
                    at += 8;
                    break;
                case string text:
                    at = Text(buffer, at, text);
                    break;
                case byte[] blob:
                    at = Tag(buffer, at, BlobTag);
                    BinaryPrimitives.WriteInt64BigEndian(buffer[at..], blob.Length);
                    at += 8;
                    blob.CopyTo(buffer[at..]);
                    at += blob.Length;
                    break;
                default:
                    throw new ArgumentException($"An SQLite value cannot be a {value.GetType().Name}.", nameof(values));
            }
        }

        return at;
    }

    private static int Tag(Span<byte> buffer, int at, byte tag)
    {
        buffer[at] = tag;
        return at + 1;
    }

    /// <summary>Tag, length, UTF-8 bytes: the length keeps "ab","c" apart from "a","bc".</summary>
    private static int Text(Span<byte> buffer, int at, string text)
    {
        at = Tag(buffer, at, TextTag);
        var length = Encoding.UTF8.GetBytes(text, buffer[(at + 8)..]);
        BinaryPrimitives.WriteInt64BigEndian(buffer[at..], length);
        return at + 8 + length;
    }
}
