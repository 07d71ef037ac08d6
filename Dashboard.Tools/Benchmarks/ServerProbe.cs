using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// The benchmark's side of a measured server in a child process: its address, and one-line probes
/// on its standard input (a forced collection's managed bytes, the process's CPU time so far).
/// </summary>
internal sealed class ServerProbe : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProbe(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Starts the child and waits for the "url …" line it prints once it listens.</summary>
    public static async Task<ServerProbe> StartAsync(string[] selfCommand, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(selfCommand[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in selfCommand.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measured server.");
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("url ", StringComparison.Ordinal))
            {
                return new ServerProbe(process, line[4..]);
            }
        }

        throw new InvalidOperationException($"The measured server ended before it listened (exit code {process.ExitCode}).");
    }

    public async Task<long> ManagedBytesAfterCollectionAsync(CancellationToken cancellationToken) => await AskAsync("collect", cancellationToken);

    /// <summary>The server process's CPU over the window, in percent of one core.</summary>
    public async Task<double> CpuPercentAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var before = await AskAsync("cpu", cancellationToken);
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        var after = await AskAsync("cpu", cancellationToken);
        return (after - before) / clock.Elapsed.TotalMilliseconds * 100;
    }

    /// <summary>Sends one probe line and reads the number the server answers.</summary>
    public async Task<long> AskAsync(string probe, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(probe.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        var answer = await _process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The measured server ended while asked '{probe}'.");
        return long.Parse(answer, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
