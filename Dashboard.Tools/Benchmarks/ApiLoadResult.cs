using System.Globalization;

namespace Dashboard.Tools.Benchmarks;

/// <summary>One provider's run of the API load: the figures, printed as details and as a row of the comparison table.</summary>
internal sealed record ApiLoadResult(string Provider, ApiLoadSettings Settings, ApiLoadOutcome Outcome, ApiLoadCheck Check, double? LoadBefore, double? LoadAfter)
{
    private LatencyStats Latency
    {
        get
        {
            var stats = new LatencyStats(Provider);
            Outcome.LatenciesMs.ForEach(stats.Add);
            return stats;
        }
    }

    /// <summary>Rows the app accepted (ids answered) per second of the whole run.</summary>
    public double RowsPerSecond => Outcome.Created.Count / Outcome.Elapsed.TotalSeconds;

    /// <summary>Failed requests by class: 4xx (and partly refused batches), 5xx, timeouts, and transport errors.</summary>
    public (int ClientErrors, int ServerErrors, int Timeouts, int Transport) ErrorCounts =>
        (Count(k => k.StartsWith('4') || k == "207"), Count(k => k.StartsWith('5')), Count(k => k == "timeout"), Count(k => !char.IsDigit(k[0]) && k != "timeout"));

    public static string Header() => string.Format(
        CultureInfo.InvariantCulture, "{0,-10} {1,7} {2,5} {3,6} {4,9} {5,9} {6,8} {7,7} {8,7} {9,7} {10,8} {11,5} {12,5} {13,8} {14,5} {15,-9} {16}",
        "provider", "writers", "batch", "s", "requests", "rows", "rows/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "4xx", "5xx", "timeouts", "other", "row check", "load avg");

    public string Row()
    {
        var latency = Latency;
        var (client, server, timeouts, transport) = ErrorCounts;
        return string.Format(
            CultureInfo.InvariantCulture, "{0,-10} {1,7} {2,5} {3,6:0.0} {4,9:N0} {5,9:N0} {6,8:N1} {7,7:0.0} {8,7:0.0} {9,7:0.0} {10,8:0.0} {11,5} {12,5} {13,8} {14,5} {15,-9} {16}",
            Provider, Settings.Writers, Settings.Batch, Outcome.Elapsed.TotalSeconds, Outcome.Requests, Outcome.Created.Count, RowsPerSecond,
            latency.Percentile(50), latency.Percentile(95), latency.Percentile(99), Outcome.LatenciesMs.DefaultIfEmpty(double.NaN).Max(),
            client, server, timeouts, transport, Check.Passed ? "OK" : "FAILED", LoadText());
    }

    public IEnumerable<string> Details()
    {
        var latency = Latency;
        yield return string.Format(CultureInfo.InvariantCulture, "{0:N0} requests in {1:0.0} s, {2:N0} rows accepted: {3:N1} rows/s", Outcome.Requests, Outcome.Elapsed.TotalSeconds, Outcome.Created.Count, RowsPerSecond);
        yield return string.Format(CultureInfo.InvariantCulture, "latency: p50 {0:0.0} ms, p95 {1:0.0} ms, p99 {2:0.0} ms, max {3:0.0} ms",
            latency.Percentile(50), latency.Percentile(95), latency.Percentile(99), Outcome.LatenciesMs.DefaultIfEmpty(double.NaN).Max());
        yield return Outcome.Errors.Count == 0 ? "errors: none"
            : "errors: " + string.Join(", ", Outcome.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => string.Format(CultureInfo.InvariantCulture, "{0} x {1:N0}", e.Key, e.Value)));
        foreach (var (kind, sample) in Outcome.ErrorSamples.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            yield return $"  first {kind}: {sample.ReplaceLineEndings(" ")}";
        }

        yield return "row check: " + Check.Summary();
        yield return "load average (1 min): " + LoadText();
    }

    private string LoadText() => string.Format(CultureInfo.InvariantCulture, "{0} -> {1}", LoadBefore?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?", LoadAfter?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?");

    private int Count(Func<string, bool> kind) => Outcome.Errors.Where(e => kind(e.Key)).Sum(e => e.Value);
}
