using Dashboard.Core.CatchUp;

namespace Dashboard.Tests.CatchUp;

/// <summary>The export reads rows ahead of the writer on a thread of its own: every row arrives in order, a failure reaches the writer, stopping early never hangs.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Every_row_arrives_once_in_order_across_chunks()
    {
        using var rows = new ReadAhead<int>(() => Enumerable.Range(1, 1_000), capacity: 300, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 1_000), rows.ToList());
    }

    [Fact]
    public void A_failure_while_reading_reaches_the_writer_after_the_rows_before_it()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 1; i <= 300; i++)
            {
                yield return i;
            }

            throw new InvalidOperationException("the database went away");
        }

        using var rows = new ReadAhead<int>(Failing, capacity: 100, CancellationToken.None);
        var seen = new List<int>();

        var failure = Assert.Throws<InvalidOperationException>(() => seen.AddRange(rows));

        Assert.Equal("the database went away", failure.Message);
        Assert.Equal(Enumerable.Range(1, 300), seen);
    }

    [Fact]
    public async Task A_writer_that_stops_early_stops_the_reading_of_an_endless_source()
    {
        static IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                yield return i;
            }
        }

        var rows = new ReadAhead<int>(Endless, capacity: 512, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 10), rows.Take(10));

        // A generous bound: disposing waits for the reading thread, which must notice it is no longer wanted.
        await Task.Run(rows.Dispose).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
