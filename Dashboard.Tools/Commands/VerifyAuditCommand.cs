using System.CommandLine;
using System.Globalization;
using Dashboard.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tools.Commands;

/// <summary><c>verify-audit</c>: checks the audit trail's hash chain in the app's database (exit code 1 when broken).</summary>
internal static class VerifyAuditCommand
{
    /// <summary>
    /// Recomputes the audit chain of the app's database (same configuration and data folder as the app)
    /// without changing it: the rows checked and OK, or the first broken link; exit code 1 when broken.
    /// </summary>
    public static Command Create(ToolContext context)
    {
        var command = new Command("verify-audit", "Checks that no audit row was altered, removed or slipped in: recomputes the hash chain of the app's database and reports the first broken link.");
        command.SetAction((parse, cancellationToken) => ToolCommands.ReportingFailures(parse, async output =>
        {
            var configuration = context.LoadConfiguration();
            await using var services = context.BuildServices(configuration, logging => logging.AddFilter(_ => false));
            var report = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "audit rows checked: {0:N0}", report.RowsChecked));
            if (report.Head is not null)
            {
                await output.WriteLineAsync($"last link: {report.Head}");
            }

            foreach (var trigger in report.MissingTriggers)
            {
                await output.WriteLineAsync($"MISSING TRIGGER: {trigger}");
            }

            if (report.FirstBreak is { } broken)
            {
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "BROKEN at audit row {0}: {1}", broken.Id, broken.Problem));
                await output.WriteLineAsync($"  expected link: {broken.Expected ?? "(none)"}");
                await output.WriteLineAsync($"  found link:    {broken.Found ?? "(none)"}");
            }

            if (report.IsIntact)
            {
                await output.WriteLineAsync("OK");
            }

            return report.IsIntact ? 0 : 1;
        }));
        return command;
    }
}
