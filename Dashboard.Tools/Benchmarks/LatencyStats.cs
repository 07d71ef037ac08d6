using System.Globalization;

namespace Dashboard.Tools.Benchmarks;

/// <summary>Latency samples in milliseconds, taken in several runs, and their minimum, median and percentiles.</summary>
public sealed class LatencyStats(string name, string variant = "")
{
    private readonly List<List<double>> _runs = [];

    public string Name { get; } = name;

    /// <summary>Which setup the samples were taken with (e.g. the indexes), printed beside the name.</summary>
    public string Variant { get; } = variant;

    private IEnumerable<double> Samples => _runs.SelectMany(r => r);

    /// <summary>Starts the next run: the samples added from now on are its own.</summary>
    public void NextRun() => _runs.Add([]);

    public void Add(double milliseconds)
    {
        if (_runs.Count == 0)
        {
            NextRun();
        }

        _runs[^1].Add(milliseconds);
    }

    public double Median => Percentile(Samples, 50);

    public double Percentile(double p) => Percentile(Samples, p);

    public string Row()
    {
        var samples = Samples.ToList();
        var runMedians = string.Join(" / ", _runs.Where(r => r.Count > 0).Select(r => Percentile(r, 50).ToString("0.0", CultureInfo.InvariantCulture)));
        return string.Format(
            CultureInfo.InvariantCulture, "{0,-60} {1,-7} {2,4}x{3,-4} {4,8:0.0} {5,8:0.0} {6,8:0.0} {7,8:0.0}   {8}",
            Name, Variant, _runs.Count, samples.Count / Math.Max(_runs.Count, 1), samples.Count == 0 ? double.NaN : samples.Min(), Percentile(samples, 50),
            Percentile(samples, 95), samples.Count == 0 ? double.NaN : samples.Max(), runMedians);
    }

    public static string Header() => string.Format(
        CultureInfo.InvariantCulture, "{0,-60} {1,-7} {2,9} {3,8} {4,8} {5,8} {6,8}   {7}",
        "scenario", "", "runs x n", "min ms", "median", "p95 ms", "max ms", "median of each run");

    private static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
