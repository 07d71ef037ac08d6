using Dashboard.Core.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Dashboard.Logging;

/// <summary>
/// The console log format, with every resident ID number and mobile phone masked, so that log
/// output never carries them in full whatever a message or exception contains.
/// </summary>
internal sealed class MaskingConsoleFormatter(IOptionsMonitor<SimpleConsoleFormatterOptions> options, TimeProvider clock) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "masked";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? "";
        if (logEntry.Exception is null && message.Length == 0)
        {
            return;
        }

        var timestamp = options.CurrentValue.TimestampFormat is { } format ? clock.GetUtcNow().ToString(format, System.Globalization.CultureInfo.InvariantCulture) : null;
        var line = $"{timestamp}{Level(logEntry.LogLevel)}: {logEntry.Category}[{logEntry.EventId.Id}]{Environment.NewLine}      {message}";
        if (logEntry.Exception is not null)
        {
            line += Environment.NewLine + logEntry.Exception;
        }

        textWriter.WriteLine(PersonalDataMask.InText(line));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
