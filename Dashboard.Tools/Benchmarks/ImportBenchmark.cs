using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Import;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Core.Records.Intake;
using Dashboard.Tools.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Measures an Excel import of N held patients at one facility (the row limit by default), each run on
/// a new throwaway database: reading the workbook (zip check, ClosedXML, rows to inputs), the
/// preview's dry run, and validate + duplicate checks + commit through the bulk intake, timed apart.
/// Making up the rows and writing the workbook are not timed.
/// </summary>
public static class ImportBenchmark
{
    /// <summary>Resource keys stand in for the texts: the reader matches what the writer wrote, in any language.</summary>
    private static readonly ImportTexts Texts = new(key => key, [key => key]);

    public static async Task RunAsync(int rows, int runs, Func<CancellationToken, Task<ServiceProvider>> newDatabase, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newDatabase);
        ArgumentNullException.ThrowIfNull(output);
        var parse = new RunStats("parse: zip check, ClosedXML read, rows to inputs", rows);
        var preview = new RunStats("preview: bulk intake dry run (validate, duplicates, insert, roll back)", rows);
        var commit = new RunStats("commit: bulk intake (validate, duplicates, insert, audit, commit)", rows);
        long fileBytes = 0;
        for (var run = 0; run < runs; run++)
        {
            await using var services = await newDatabase(cancellationToken);
            var clock = services.GetRequiredService<TimeProvider>();
            var source = await SyntheticHeldPatients.LoadAsync(
                services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), services.GetRequiredService<CutoverPlanService>(), 2000 + run, clock.GetUtcNow(), cancellationToken);
            var facility = source.Facilities[0];
            using var file = Workbook(Enumerable.Range(0, rows).Select(_ => source.Next(facility).Row.Input));
            fileBytes = file.Length;

            var start = clock.GetTimestamp();
            var batch = Read(file, facility.Id);
            parse.Add(clock.GetElapsedTime(start).TotalSeconds);

            var intake = services.GetRequiredService<BulkIntake>();
            start = clock.GetTimestamp();
            var dryRun = await intake.PreviewHeldPatientsAsync(source.Scope, batch, cancellationToken);
            preview.Add(clock.GetElapsedTime(start).TotalSeconds);

            start = clock.GetTimestamp();
            var result = await intake.AddHeldPatientsAsync(source.Scope, batch, cancellationToken);
            commit.Add(clock.GetElapsedTime(start).TotalSeconds);
            if (result.Refused.Count != dryRun.Refused.Count || result.Written == 0)
            {
                throw new InvalidOperationException($"The preview refused {dryRun.Refused.Count} rows and the commit {result.Refused.Count} (written {result.Written}).");
            }
        }

        await output.WriteLineAsync(RunStats.Header());
        await output.WriteLineAsync(parse.Row());
        await output.WriteLineAsync(preview.Row());
        await output.WriteLineAsync(commit.Row());
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "workbook: {0:N0} KB", fileBytes / 1024));
        using var process = Process.GetCurrentProcess();
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "peak working set: {0:N0} MB", process.PeakWorkingSet64 / 1024 / 1024));
    }

    private static List<HeldPatientIntakeRow> Read(Stream file, int facilityId)
    {
        if (WorkbookPackage.Check(file) is { } refused)
        {
            throw new InvalidOperationException("The benchmark workbook was refused: " + refused);
        }

        var (rows, refusal) = ImportWorkbookReader.Read(file, ImportKind.HeldPatients, Texts);
        if (refusal is not null)
        {
            throw new InvalidOperationException("The benchmark workbook was refused: " + refusal);
        }

        return rows.Select(r => new HeldPatientIntakeRow(facilityId, ImportRowMapper.Map<HeldPatientInput>(r, ImportColumns.HeldPatients, Texts).Input)).ToList();
    }

    /// <summary>The import template with the rows typed in, every cell as text, as a clerk's file would be.</summary>
    private static MemoryStream Workbook(IEnumerable<HeldPatientInput> inputs)
    {
        var template = new MemoryStream();
        ImportWorkbookWriter.Write(template, ImportKind.HeldPatients, Texts);
        template.Position = 0;
        using var workbook = new XLWorkbook(template);
        var sheet = workbook.Worksheet(Texts.Text(ImportColumns.SheetKey(ImportKind.HeldPatients)));
        var columns = ImportColumns.HeldPatients;
        var row = 2;
        foreach (var input in inputs)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var value = typeof(HeldPatientInput).GetProperty(columns[c].Field)!.GetValue(input);
                var text = columns[c].Choices.FirstOrDefault(choice => choice.Value == value?.ToString())?.LabelKey ?? value as string;
                if (text is not null)
                {
                    var cell = sheet.Cell(row, c + 1);
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                }
            }

            row++;
        }

        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;
        return file;
    }
}
