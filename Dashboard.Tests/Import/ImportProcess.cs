using System.Diagnostics;
using System.Text;
using Dashboard.Tools.Commands;

namespace Dashboard.Tests.Import;

/// <summary>
/// The tools' <c>import-file</c> command in a process of its own: the real import (preview, then commit through
/// the bulk intake) against a SQLite file, in a process the test can kill like a power cut or the OOM killer would.
/// </summary>
internal sealed class ImportProcess : IDisposable
{
    /// <summary>Only a guard against a child that hangs; the test waits for the child's own line, never for time.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ImportProcess(IEnumerable<string> args)
    {
        var command = ToolCommands.SelfCommand();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in command.Skip(1).Append(ImportFileCommand.Name).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The import process did not start.");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public static ImportProcess Start(params string[] args) => new(args);

    /// <summary>Reads the child's output until <paramref name="line"/>; fails with the child's errors if it ends first.</summary>
    public async Task WaitForLineAsync(string line)
    {
        using var hang = new CancellationTokenSource(Hang);
        while (await _process.StandardOutput.ReadLineAsync(hang.Token) is { } read)
        {
            if (read == line)
            {
                return;
            }
        }

        await _process.WaitForExitAsync(hang.Token);
        throw new InvalidOperationException($"The import process ended (exit code {_process.ExitCode}) without printing '{line}': {Errors}");
    }

    /// <summary>SIGKILL: the process gets no chance to roll back, flush or close anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        using var hang = new CancellationTokenSource(Hang);
        await _process.WaitForExitAsync(hang.Token);
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
