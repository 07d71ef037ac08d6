using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// What happened to a page's fields, in the browser's order: keys, input, focus moves, and every value the
/// page's scripts wrote into a field (with who wrote it). A rare lost key is a race between the clerk and the
/// server; when a test that types fails, the history says which side moved last.
/// </summary>
internal static class FieldHistory
{
    private const string Recorder = """
        (() => {
          const history = window.__fieldHistory = [];
          const start = performance.now();
          const log = text => { history.push(`${Math.round(performance.now() - start)} ${text}`); if (history.length > 2000) history.shift(); };
          const name = e => e?.dataset?.field ?? `${e?.tagName}.${String(e?.className ?? '').slice(0, 30)}`;
          document.addEventListener('keydown', e => log(`keydown ${e.key} in ${name(e.target)} = ${e.target.value ?? ''}`), true);
          document.addEventListener('input', e => log(`input ${name(e.target)} = ${e.target.value}`), true);
          document.addEventListener('focusin', e => log(`focus ${name(e.target)}`), true);
          const focus = HTMLElement.prototype.focus;
          HTMLElement.prototype.focus = function (options) {
            log(`focus() on ${name(this)} by ${new Error().stack.split('\n').slice(2, 4).join(' < ').replace(/\s+/g, ' ')}`);
            return focus.call(this, options);
          };
          const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
          Object.defineProperty(HTMLInputElement.prototype, 'value', {
            get: value.get,
            set: function (v) { log(`write ${name(this)}: ${value.get.call(this)} -> ${v}`); value.set.call(this, v); },
          });
        })()
        """;

    /// <summary>Records from the next page load on.</summary>
    public static Task RecordAsync(IPage page) => page.AddInitScriptAsync(Recorder);

    /// <summary>Runs <paramref name="check"/>; when it fails, the failure carries the page's field history.</summary>
    public static async Task OnFailureAsync(IPage page, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var history = await page.EvaluateAsync<string[]?>("window.__fieldHistory") ?? [];
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}Field history:{Environment.NewLine}{string.Join(Environment.NewLine, history)}", ex);
        }
    }
}
