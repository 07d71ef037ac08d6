using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Dashboard.Tools.Commands;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// The app as built (Dashboard.dll, its own Program and runtimeconfig) in a child process on a free
/// loopback port, as Production over plain HTTP, with the HIS API's per-key rate limit raised so a
/// load measures the database, not the limiter. Its console is kept (the last lines) for a failure message.
/// </summary>
internal sealed class ApiLoadApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ApiLoadApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Where the app was built next to this tool (the same configuration), unless told otherwise.</summary>
    public static string DefaultAssembly() =>
        typeof(ApiLoadApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "DashboardAppAssembly")?.Value
        ?? Path.Combine(AppContext.BaseDirectory, "Dashboard.dll");

    /// <summary>Starts the app on the database the settings name and waits until it answers.</summary>
    public static async Task<ApiLoadApp> StartAsync(string appAssembly, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(appAssembly))
        {
            throw new InvalidOperationException($"The app is not built: {appAssembly}. Run dotnet build CutoverDashboard.sln -c Release first, or pass --app.");
        }

        var baseAddress = new Uri(string.Format(CultureInfo.InvariantCulture, "http://127.0.0.1:{0}/", ApiLoadDatabase.FreePort()));
        var start = new ProcessStartInfo(ToolCommands.DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(appAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appAssembly);
        foreach (var (key, value) in AppEnvironment(baseAddress, settings))
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var app = new ApiLoadApp(process, baseAddress);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// A random first-administrator password the app's rules always take: 24 hexadecimal digits between
    /// fixed parts with an upper- and a lower-case letter and a digit (random base64 alone lacked a digit
    /// about once in 60 starts, and the app refused to start).
    /// </summary>
    internal static string NewAdminPassword() => $"Load-{Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}-a7";

    /// <summary>
    /// Production as shipped, but over loopback HTTP, with a generated admin password (none is logged),
    /// warnings only, and a token bucket no writer can empty (100,000 a key, refilled every second).
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>> AppEnvironment(Uri baseAddress, IReadOnlyDictionary<string, string?> settings)
    {
        yield return new("ASPNETCORE_ENVIRONMENT", "Production");
        yield return new("ASPNETCORE_URLS", baseAddress.GetLeftPart(UriPartial.Authority));
        yield return new("ASPNETCORE_CONTENTROOT", null);
        yield return new("Transport__RequireHttps", "false");
        yield return new("Dashboard__AdminPassword", NewAdminPassword());
        yield return new("Dashboard__HisApi__BurstLimit", "100000");
        yield return new("Dashboard__HisApi__TokensPerPeriod", "100000");
        yield return new("Dashboard__HisApi__ReplenishSeconds", "1");
        yield return new("Logging__LogLevel__Default", "Warning");
        yield return new("Logging__LogLevel__Microsoft.Hosting.Lifetime", "Warning");
        foreach (var (key, value) in settings)
        {
            yield return new(key.Replace(":", "__", StringComparison.Ordinal), value);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app ended before it answered (exit code {_process.ExitCode}):{Environment.NewLine}{LastLines()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/regions", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new InvalidOperationException($"The app did not answer within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{LastLines()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    /// <summary>The app's last console lines (warnings and errors), for a failure message.</summary>
    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }
}
