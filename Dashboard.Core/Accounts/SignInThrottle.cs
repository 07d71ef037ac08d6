using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Core.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock a colleague out. Failures count against the
/// client address that made them: after a few, that address waits before each next try, twice as
/// long each time (up to 15 minutes); and an address that got one account's password wrong five times
/// may not try that account for 15 minutes. The account itself is never locked, so the person it
/// belongs to signs in from their own desk whatever others try. Kept in memory: a restart forgets,
/// which costs an attacker a restart they cannot cause.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Failures an address may have (a person mistyping) before it has to wait.</summary>
    public const int FreeFailuresPerAddress = 5;

    /// <summary>Failures on one account from one address before that address is shut out of it.</summary>
    public const int FailuresPerAccount = 5;

    public static readonly TimeSpan AccountLockout = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this (after the last one) no longer count.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Address, string UserName), Failures> _accounts = new();

    /// <summary>
    /// How an address is counted: an IPv4 address as it is; an IPv6 address by its /64 network, which
    /// one household or office is given whole (counting single addresses would give it 2^64 tries).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Whether this address must not try this user name now (the password is then not even checked).</summary>
    public bool IsBlocked(string clientKey, string userName)
    {
        var now = clock.GetUtcNow();
        return (_addresses.TryGetValue(clientKey, out var address) && address.BlockedUntil > now) ||
               (_accounts.TryGetValue((clientKey, Normalize(userName)), out var account) && account.BlockedUntil > now);
    }

    public void RecordFailure(string clientKey, string userName)
    {
        var now = clock.GetUtcNow();
        _addresses.AddOrUpdate(clientKey, _ => Failures.First(now), (_, old) => old.Next(now, FreeFailuresPerAddress, count =>
            TimeSpan.FromSeconds(Math.Min(LongestDelay.TotalSeconds, Math.Pow(2, count - FreeFailuresPerAddress)))));
        _accounts.AddOrUpdate((clientKey, Normalize(userName)), _ => Failures.First(now), (_, old) => old.Next(now, FailuresPerAccount, _ => AccountLockout));
        Prune(now);
    }

    /// <summary>The right password from this address: its failures on this account are forgotten (not the address's own).</summary>
    public void RecordSuccess(string clientKey, string userName) => _accounts.TryRemove((clientKey, Normalize(userName)), out _);

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        if (_addresses.Count + _accounts.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (key, failures) in _addresses)
        {
            if (failures.IsForgotten(now))
            {
                _addresses.TryRemove(key, out _);
            }
        }

        foreach (var (key, failures) in _accounts)
        {
            if (failures.IsForgotten(now))
            {
                _accounts.TryRemove(key, out _);
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset BlockedUntil)
    {
        public static Failures First(DateTimeOffset now) => new(1, now, DateTimeOffset.MinValue);

        /// <summary>One more failure; from <paramref name="free"/> failures on, the next try waits <paramref name="wait"/>.</summary>
        public Failures Next(DateTimeOffset now, int free, Func<int, TimeSpan> wait)
        {
            var count = IsForgotten(now) ? 1 : Count + 1;
            return new Failures(count, now, count >= free ? now + wait(count) : BlockedUntil);
        }

        public bool IsForgotten(DateTimeOffset now) => now - Last > Memory && now > BlockedUntil;
    }
}
