using System.CommandLine;
using System.Globalization;
using System.Resources;
using Dashboard.Core;
using Dashboard.Core.Access;
using Dashboard.Core.Import;
using Dashboard.Core.Persistence;
using Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tools.Commands;

/// <summary>
/// <c>import-file --database X --file Y [--user desk] [--facility CODE] [--kind HeldPatients] [--now ISO] [--hold-after-rows N]</c>:
/// imports a filled-in template into a SQLite file through the page's path (<see cref="RecordImport"/>: preview, then
/// commit of the previewed valid rows). Hidden: it exists so a test can run a real import in a process of its own and
/// kill that process in the middle of the commit (<c>--hold-after-rows</c>, see <see cref="ImportHold"/>).
/// </summary>
internal static class ImportFileCommand
{
    public const string Name = "import-file";

    /// <summary>Printed once the commit's transaction holds N inserted records and has not committed.</summary>
    public const string HoldingLine = "import-file: holding the commit's transaction open";

    public static Command Create()
    {
        var database = new Option<string>("--database") { Description = "The SQLite file to import into (migrated and seeded).", Required = true };
        var file = new Option<string>("--file") { Description = "The workbook to import.", Required = true };
        var user = new Option<string>("--user") { Description = "Who imports (a user name).", DefaultValueFactory = _ => "desk" };
        var facility = new Option<string?>("--facility") { Description = "The facility's code, for an administrator." };
        var kind = new Option<ImportKind>("--kind") { Description = "What the workbook holds.", DefaultValueFactory = _ => ImportKind.HeldPatients };
        var now = new Option<DateTimeOffset?>("--now") { Description = "The instant the import runs at (the system clock if not given)." };
        var hold = new Option<int?>("--hold-after-rows") { Description = "Stop inside the commit's transaction once this many records are inserted, and wait to be killed." };
        var command = new Command(Name, "Imports a filled-in import template into a SQLite file, as the import page does (preview, then commit).")
        {
            database, file, user, facility, kind, now, hold,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => ToolCommands.ReportingFailures(parse, async output =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Dashboard"] = "Data Source=" + Path.GetFullPath(parse.GetValue(database)!),
                ["Dashboard:DataFolder"] = Path.GetDirectoryName(Path.GetFullPath(parse.GetValue(database)!)),
            }).Build();
            var importHold = parse.GetValue(hold) is { } rows ? new ImportHold(rows, output) : null;
            var services = new ServiceCollection().AddLogging(logging => logging.AddFilter(_ => false)).AddSingleton<IConfiguration>(configuration);
            services.AddDashboardCore(configuration, Path.GetTempPath());
            if (parse.GetValue(now) is { } instant)
            {
                services.AddSingleton<TimeProvider>(new FixedClock(instant));
            }

            if (importHold is not null)
            {
                services.ConfigureDbContext<DashboardDbContext>(db => db.AddInterceptors(importHold));
            }

            await using var provider = services.BuildServiceProvider();
            var scope = await ScopeAsync(provider, parse.GetValue(user)!, cancellationToken);
            var facilityId = await FacilityAsync(provider, parse.GetValue(facility), cancellationToken);
            await using var workbook = File.OpenRead(parse.GetValue(file)!);
            var import = provider.GetRequiredService<RecordImport>();
            var preview = await import.PreviewAsync(scope, parse.GetValue(kind), facilityId, Path.GetFileName(workbook.Name), workbook, Texts(), cancellationToken);
            if (preview.Refusal is { } refusal)
            {
                throw new InvalidOperationException("The workbook was refused: " + refusal);
            }

            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "previewed: {0} rows, {1} valid, {2} invalid", preview.Rows.Count, preview.Valid, preview.Invalid));
            await output.FlushAsync(cancellationToken);

            // Armed only now: the preview's dry run inserts the same rows and rolls them back.
            importHold?.Arm(provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), parse.GetValue(kind));
            var outcome = await import.CommitAsync(scope, preview, cancellationToken);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "written: {0}, refused: {1}", outcome.Written, outcome.Refused));
            return 0;
        }));
        return command;
    }

    private static async Task<AccessScope> ScopeAsync(IServiceProvider services, string userName, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(cancellationToken);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No user '{userName}'.");
        return await services.GetRequiredService<AccessScopeResolver>().ResolveAsync(id, "import-file", cancellationToken)
            ?? throw new InvalidOperationException($"The user '{userName}' is disabled.");
    }

    private static async Task<int> FacilityAsync(IServiceProvider services, string? code, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return 0;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Facilities.Where(f => f.Code == code).Select(f => (int?)f.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No facility '{code}'.");
    }

    /// <summary>The app's texts in Chinese, reading headers and list values in every UI language, as the import page does.</summary>
    private static ImportTexts Texts()
    {
        var resources = new ResourceManager("Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);
        Func<string, string> In(string culture) => key => resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? key;
        return new ImportTexts(In(UiCultures.Chinese), [.. UiCultures.Supported.Select(In)]);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
