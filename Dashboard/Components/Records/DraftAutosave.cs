using Dashboard.Core.Validation;
using System.Text.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Drafts;

namespace Dashboard.Components.Records;

/// <summary>
/// Keeps one form instance's draft on the server: a short pause after the last change, then one
/// write. A draft is a convenience: its failures are logged and shown as a hint, and never reach
/// the record's own save (a committed save must never look like a failure).
/// </summary>
public sealed partial class DraftAutosave<T>(DraftService drafts, AccessScope scope, string formKey, TimeProvider clock, ILogger logger) : IDisposable
    where T : class
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(800);

    private CancellationTokenSource? _pending;
    private Task _writing = Task.CompletedTask;

    public string FormKey => formKey;

    /// <summary>True while the last draft write failed; the form says the draft is not kept.</summary>
    public bool Failing { get; private set; }

    /// <summary>Raised when <see cref="Failing"/> changes.</summary>
    public event Action? FailingChanged;

    public async Task<Draft<T>?> LoadAsync()
    {
        try
        {
            return await drafts.LoadAsync<T>(scope, formKey);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, "load", formKey);
            return null;
        }
    }

    /// <summary>Saves a copy of <paramref name="value"/> after the pause, unless a newer change replaces it.</summary>
    public void Schedule(T value)
    {
        var snapshot = JsonSerializer.Serialize(value);
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        var previous = _writing;
        _writing = WriteLaterAsync(previous, snapshot, token);
    }

    /// <summary>Cancels a pending write and waits for one already running, so nothing writes after this.</summary>
    public async Task StopAsync()
    {
        _pending?.Cancel();
        await _writing;
    }

    /// <summary>Drops the draft (after the record was saved, or when the user discards it). Never throws.</summary>
    public async Task DiscardAsync()
    {
        await StopAsync();
        try
        {
            await drafts.DiscardAsync(scope, formKey);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, "discard", formKey);
        }
    }

    private async Task WriteLaterAsync(Task previous, string snapshot, CancellationToken token)
    {
        try
        {
            await Task.Delay(Delay, clock, token);
            await previous;
            token.ThrowIfCancellationRequested();
            await drafts.SaveAsync(scope, formKey, JsonSerializer.Deserialize<JsonElement>(snapshot), token);
            SetFailing(false);
        }
        catch (OperationCanceledException)
        {
            // A newer change, a save or a discard replaced this write.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, "save", formKey);
            SetFailing(true);
        }
    }

    private void SetFailing(bool failing)
    {
        if (Failing != failing)
        {
            Failing = failing;
            FailingChanged?.Invoke();
        }
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Operation} the draft {FormKey}; the form itself is unaffected.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation, string formKey);
}
