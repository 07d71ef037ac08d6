using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Dashboard.Core.CatchUp;

/// <summary>
/// Rows read on a thread of their own, up to a bounded number ahead of the one writing them, so the
/// database's work (the sort before the first row, reading and materializing every row) overlaps the
/// workbook's (cells, compression) and starts while the summary is still being counted. Memory stays
/// flat: at most <c>capacity</c> rows wait. Both sides block rather than await (the reading thread is
/// its own, not the thread pool's, so a busy pool never starves it). Enumerated once; disposing stops the reading.
/// </summary>
internal sealed class ReadAhead<T> : IEnumerable<T>, IDisposable
{
    /// <summary>Rows are handed over in chunks: one handover per row would cost more in locking than the row itself.</summary>
    private const int ChunkRows = 256;

    private readonly BlockingCollection<List<T>> _chunks;
    private readonly CancellationTokenSource _stop;
    private readonly Thread _reader;
    private Exception? _failure;

    public ReadAhead(Func<IEnumerable<T>> source, int capacity, CancellationToken cancellationToken)
    {
        _chunks = new BlockingCollection<List<T>>(Math.Max(1, capacity / ChunkRows));
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = new Thread(() => Read(source)) { IsBackground = true, Name = "export read-ahead" };
        _reader.Start();
    }

    private void Read(Func<IEnumerable<T>> source)
    {
        var chunk = new List<T>(ChunkRows);
        try
        {
            foreach (var row in source())
            {
                chunk.Add(row);
                if (chunk.Count == ChunkRows)
                {
                    _chunks.Add(chunk, _stop.Token);
                    chunk = new List<T>(ChunkRows);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // No one reads any more.
            chunk.Clear();
        }
        catch (Exception ex)
        {
            // The writer gets the rows read before the failure, then the failure where the next row would be.
            _failure = ex;
        }
        finally
        {
            Hand(chunk);
            _chunks.CompleteAdding();
        }
    }

    private void Hand(List<T> lastChunk)
    {
        try
        {
            if (lastChunk.Count > 0)
            {
                _chunks.Add(lastChunk, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for room: no one reads any more.
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in _chunks.GetConsumingEnumerable(_stop.Token))
        {
            foreach (var row in chunk)
            {
                yield return row;
            }
        }

        if (_failure is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        _stop.Cancel();
        _reader.Join();
        _chunks.Dispose();
        _stop.Dispose();
    }
}
