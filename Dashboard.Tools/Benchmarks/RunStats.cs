using System.Globalization;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Whole runs of one scenario over the same number of rows: seconds per run, printed as the min and
/// the median (a reviewer trusts a figure that repeats, not one lucky run), with rows/s and peak MB.
/// </summary>
public sealed class RunStats(string name, long rows)
{
    private readonly List<double> _seconds = [];
    private readonly List<long> _peakMb = [];

    public string Name { get; } = name;

    public long Rows { get; } = rows;

    public IReadOnlyList<double> Seconds => _seconds;

    public void Add(double seconds, long peakMb = 0)
    {
        _seconds.Add(seconds);
        _peakMb.Add(peakMb);
    }

    public double Min => _seconds.Count == 0 ? double.NaN : _seconds.Min();

    /// <summary>The middle run (the mean of the two middle ones for an even count).</summary>
    public double Median
    {
        get
        {
            if (_seconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _seconds.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public static string Header() => string.Format(CultureInfo.InvariantCulture, "{0,-64} {1,10} {2,4} {3,8} {4,8} {5,10} {6,10} {7,7}",
        "scenario", "rows", "runs", "min s", "median s", "rows/s min", "rows/s med", "peak MB");

    /// <summary>min s and rows/s min are the fastest run; "rows/s med" is the median run's rate.</summary>
    public string Row() => string.Format(CultureInfo.InvariantCulture, "{0,-64} {1,10:N0} {2,4} {3,8:0.00} {4,8:0.00} {5,10:N0} {6,10:N0} {7,7}",
        Name, Rows, _seconds.Count, Min, Median, Rows / Min, Rows / Median, _peakMb.Any(p => p > 0) ? _peakMb.Max().ToString("N0", CultureInfo.InvariantCulture) : "-");
}
