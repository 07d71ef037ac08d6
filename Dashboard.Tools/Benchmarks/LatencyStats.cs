using System.Globalization;

namespace Dashboard.Tools.Benchmarks;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
public sealed class LatencyStats(string name)
{
    private readonly List<double> _samples = [];

    public string Name { get; } = name;

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double Percentile(double p)
    {
        if (_samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public string Row() => string.Format(CultureInfo.InvariantCulture, "{0,-58} {1,6} {2,9:0.0} {3,9:0.0} {4,9:0.0}",
        Name, _samples.Count, Percentile(50), Percentile(95), _samples.Count == 0 ? double.NaN : _samples.Max());

    public static string Header() => string.Format(CultureInfo.InvariantCulture, "{0,-58} {1,6} {2,9} {3,9} {4,9}", "scenario", "n", "p50 ms", "p95 ms", "max ms");
}
