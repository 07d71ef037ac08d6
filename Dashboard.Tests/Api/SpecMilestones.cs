namespace Dashboard.Tests.Api;

/// <summary>
/// SPEC section 3, typed in again independently of the seed code: each region's milestones in
/// order, as local times with offset, with "day" for date-only and "est" for expected times.
/// </summary>
internal static class SpecMilestones
{
    public static readonly IReadOnlyDictionary<string, string[]> ByRegion = new Dictionary<string, string[]>
    {
        ["hefei"] =
        [
            "2021-11-26T17:00:00+08:00",
            "2021-11-29T00:00:00+08:00 day",
            "2021-11-30T00:00:00+08:00 day",
            "2021-11-30T12:00:00+08:00",
            "2021-11-30T18:00:00+08:00 SystemStop",
            "2021-12-12T08:00:00+08:00 GoLive",
        ],
        ["hengyang"] =
        [
            "2021-10-12T00:00:00+08:00 day",
            "2021-10-15T00:00:00+08:00 day",
            "2021-10-20T00:00:00+08:00 day",
            "2021-10-26T00:00:00+08:00 24h",
            "2021-10-29T00:00:00+08:00 day",
            "2021-10-30T00:00:00+08:00 day",
            "2021-10-31T00:00:00+08:00 24h SystemStop",
            "2021-11-10T00:00:00+08:00 day GoLive",
        ],
        ["panzhihua"] =
        [
            "2020-09-10T17:00:00+08:00",
            "2020-09-11T00:00:00+08:00 SystemStop",
            "2020-09-18T08:00:00+08:00 PartialResume",
            "2020-09-21T00:00:00+08:00 24h GoLive",
            "2020-12-31T00:00:00+08:00 day CatchUpDeadline",
        ],
        ["xinzhou"] =
        [
            "2021-10-11T00:00:00+08:00 day",
            "2021-10-14T00:00:00+08:00 day",
            "2021-10-19T17:00:00+08:00",
            "2021-10-20T00:00:00+08:00 day",
            "2021-10-21T17:00:00+08:00",
            "2021-10-21T18:00:00+08:00 SystemStop",
            "2021-10-31T22:00:00+08:00 est GoLive",
        ],
        ["zhejiang"] =
        [
            "2022-02-01T00:00:00+08:00 day",
            "2022-02-06T00:00:00+08:00 BusinessStop",
            "2022-02-10T00:00:00+08:00 SettlementStop",
            "2022-02-15T00:00:00+08:00 GoLive",
            "2022-12-31T00:00:00+08:00 day CatchUpDeadline",
        ],
    };
}
