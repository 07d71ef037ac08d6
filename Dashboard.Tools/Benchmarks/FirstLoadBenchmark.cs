using System.CommandLine;
using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// What a desk PC with an empty cache downloads for the overview until it is live, against a running
/// app (publish it and run it as Production: Development serves static files compressed on the fly
/// without compression, for hot reload). The baseline in the same run is the same load with the
/// browser refusing compressed responses.
/// </summary>
public static class FirstLoadBenchmark
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The running app, e.g. http://127.0.0.1:5080.", Required = true };
        var rounds = new Option<int>("--rounds") { Description = "Cold loads of each kind. Default: 3.", DefaultValueFactory = _ => 3 };
        var command = new Command("benchmark-first-load", "Measures the bytes a cold load of the overview transfers, compressed and (baseline) uncompressed.")
        {
            url, rounds,
        };
        command.SetAction(async (parse, _) =>
        {
            await RunAsync(parse.GetValue(url)!, Math.Max(1, parse.GetValue(rounds)), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string baseUrl, int rounds, TextWriter output)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = CircuitBenchmark.ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        foreach (var (label, compressed) in new[] { ("compressed (as browsers ask)", true), ("uncompressed (baseline)", false) })
        {
            var sizes = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                sizes.Add(await ColdLoadKilobytesAsync(browser, baseUrl, compressed));
            }

            sizes.Sort();
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "cold load of /, {0}: min {1:N0} KB, median {2:N0} KB over {3} loads", label, sizes[0], sizes[sizes.Count / 2], rounds));
        }
    }

    /// <summary>Response bodies as sent and their headers, for every request until the page is live.</summary>
    private static async Task<double> ColdLoadKilobytesAsync(IBrowser browser, string baseUrl, bool compressed)
    {
        await using var cold = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            ExtraHTTPHeaders = compressed ? null : new Dictionary<string, string> { ["Accept-Encoding"] = "identity" },
        });
        var page = await cold.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator(".app-root[data-interactive='true']").WaitForAsync();
        long bytes = 0;
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        return bytes / 1024.0;
    }
}
