using Dashboard.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Privacy;

public sealed class MaskedLogTests
{
    [Fact]
    public void Console_log_lines_never_carry_a_full_id_number_or_mobile()
    {
        var formatter = new MaskingConsoleFormatter(new StaticOptions(new SimpleConsoleFormatterOptions()), TimeProvider.System);
        var entry = new LogEntry<string>(LogLevel.Warning, "Test", new EventId(7), "duplicate 340104199003071234, phone 13912345678",
            new InvalidOperationException("record 11010519491231002X failed"), (state, _) => state);
        using var writer = new StringWriter();

        formatter.Write(entry, null, writer);

        var line = writer.ToString();
        Assert.Contains("340104********1234", line, StringComparison.Ordinal);
        Assert.Contains("139****5678", line, StringComparison.Ordinal);
        Assert.Contains("110105********002X", line, StringComparison.Ordinal);
        Assert.DoesNotContain("340104199003071234", line, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", line, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", line, StringComparison.Ordinal);
    }

    private sealed class StaticOptions(SimpleConsoleFormatterOptions value) : IOptionsMonitor<SimpleConsoleFormatterOptions>
    {
        public SimpleConsoleFormatterOptions CurrentValue => value;

        public SimpleConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SimpleConsoleFormatterOptions, string?> listener) => null;
    }
}
