using System.Net;
using Dashboard.Core.Accounts;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _clock = new(FirstStart);
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_clock);

    private void Fail(string address, string userName, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.RecordFailure(address, userName);
        }
    }

    [Fact]
    public void An_address_may_mistype_a_few_times_then_waits_twice_as_long_after_each_failure()
    {
        Fail("192.0.2.1", "name-a", SignInThrottle.FreeFailuresPerAddress - 1);
        Assert.False(_throttle.IsBlocked("192.0.2.1", "name-b"));

        _throttle.RecordFailure("192.0.2.1", "name-b");
        Assert.True(_throttle.IsBlocked("192.0.2.1", "name-c"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_throttle.IsBlocked("192.0.2.1", "name-c"));

        _throttle.RecordFailure("192.0.2.1", "name-c");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_throttle.IsBlocked("192.0.2.1", "name-d"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_throttle.IsBlocked("192.0.2.1", "name-d"));
        Assert.False(_throttle.IsBlocked("192.0.2.2", "name-d"));
    }

    [Fact]
    public void The_wait_is_capped_at_a_quarter_of_an_hour_and_an_hour_without_failures_forgets_them()
    {
        Fail("192.0.2.1", "name-a", 40);

        _clock.Advance(SignInThrottle.LongestDelay - TimeSpan.FromSeconds(1));
        Assert.True(_throttle.IsBlocked("192.0.2.1", "name-z"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_throttle.IsBlocked("192.0.2.1", "name-z"));

        _clock.Advance(SignInThrottle.Memory);
        _throttle.RecordFailure("192.0.2.1", "name-z");
        Assert.False(_throttle.IsBlocked("192.0.2.1", "name-y"));
    }

    [Fact]
    public void Five_failures_on_one_account_shut_out_that_address_only_and_only_from_that_account()
    {
        Fail("192.0.2.1", "victim", SignInThrottle.FailuresPerAccount);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(_throttle.IsBlocked("192.0.2.1", "VICTIM"));
        Assert.False(_throttle.IsBlocked("192.0.2.1", "someone-else"));
        Assert.False(_throttle.IsBlocked("198.51.100.1", "victim"));
        _clock.Advance(SignInThrottle.AccountLockout);
        Assert.False(_throttle.IsBlocked("192.0.2.1", "victim"));
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void Addresses_count_as_one_client_by_ipv4_address_or_ipv6_network(string address, string key) =>
        Assert.Equal(key, SignInThrottle.ClientKey(IPAddress.Parse(address)));
}
