using Dashboard.Core.Time;

namespace Dashboard.Time;

/// <summary>The zone instants are shown in when no region says otherwise (SPEC section 9).</summary>
public static class DisplayZone
{
    public static TimeZoneInfo Default => RegionTimeZone.Default;
}
