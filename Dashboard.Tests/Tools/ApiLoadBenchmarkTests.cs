using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tools;
using Dashboard.Tools.Commands;

namespace Dashboard.Tests.Tools;

/// <summary>
/// benchmark-api-load end to end on SQLite: the app as built (Release) in its own process, two writers
/// for two seconds. Nothing here depends on how fast the machine is, only on what was counted.
/// </summary>
public sealed class ApiLoadBenchmarkTests : IDisposable
{
    private readonly TempDatabase _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Two_writers_through_the_api_leave_exactly_the_answered_rows_and_print_the_figures_and_clean_up()
    {
        var exit = await ToolCommands.InvokeAsync(
            ["benchmark-api-load", "--provider", "sqlite", "--writers", "2", "--seconds", "2"], new ToolContext(_folder.Folder, _folder.Folder), _output, _error);

        var output = _output.ToString();
        Assert.True(exit == 0, output + _error);
        Assert.Contains("errors: none", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"row check: OK: [\d,]+ rows in the database = [\d,]+ ids answered, no duplicates; audit chain of [\d,]+ rows verifies"), output);
        Assert.Matches(new Regex(@"latency: p50 \d+\.\d ms, p95 \d+\.\d ms, p99 \d+\.\d ms, max \d+\.\d ms"), output);

        // The comparison table: 2 writers, 1 row a request, some requests and as many rows, rows/s and percentiles, no error of any class.
        var row = Assert.Single(output.Split(Environment.NewLine), line => line.StartsWith("SQLite ", StringComparison.Ordinal));
        var figures = Regex.Match(row, @"^SQLite\s+2\s+1\s+\d+\.\d\s+([\d,]+)\s+([\d,]+)\s+[\d,]+\.\d\s+(\d+\.\d\s+){3}\d+\.\d\s+0\s+0\s+0\s+0\s+OK\s");
        Assert.True(figures.Success, row);
        Assert.Equal(figures.Groups[1].Value, figures.Groups[2].Value);
        Assert.NotEqual("0", figures.Groups[2].Value);

        // The throwaway data folder went with the run.
        Assert.Empty(Directory.GetDirectories(_folder.Folder, "cutover-api-load-*"));
    }

    [Fact]
    public async Task A_batch_over_the_apis_limit_is_refused_before_anything_starts()
    {
        var exit = await ToolCommands.InvokeAsync(
            ["benchmark-api-load", "--provider", "sqlite", "--batch", "1001"], new ToolContext(_folder.Folder, _folder.Folder), _output, _error);

        Assert.Equal(2, exit);
        Assert.Contains("--batch is at most 1,000 rows", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Folder));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _folder.Dispose();
    }
}
