using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using Dashboard.Core.Time;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Tools.Seeding;

namespace Dashboard.Tools.Benchmarks;

/// <summary>
/// Measures the catch-up exporter against a plain ClosedXML cell-by-cell export of the same rows.
/// Each measurement runs in its own process, so its peak memory is its own.
/// </summary>
public static class ExportBenchmark
{
    public const string WorkerCommand = "benchmark-export-worker";
    public const string OurWriter = "ours";
    public const string ClosedXmlWriter = "closedxml";

    /// <summary>Runs every measurement in a child process and prints one table.</summary>
    public static async Task RunAsync(int rows, TextWriter output, string[] selfCommand, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(selfCommand);
        (string Writer, int Rows)[] runs = [(OurWriter, rows), (ClosedXmlWriter, rows), (OurWriter, 1_000_000)];
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,10} {2,9} {3,12} {4,9}", "writer", "rows", "seconds", "rows/s", "peak MB"));
        var results = new List<(string Writer, int Rows, double Seconds, long PeakMb)>();
        foreach (var (writer, count) in runs)
        {
            var line = await RunChildAsync(selfCommand, [WorkerCommand, "--writer", writer, "--rows", count.ToString(CultureInfo.InvariantCulture), "--folder", folder], cancellationToken);
            var parts = line.Split(' ');
            var seconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
            var peak = long.Parse(parts[1], CultureInfo.InvariantCulture);
            results.Add((writer, count, seconds, peak));
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,10:N0} {2,9:0.00} {3,12:N0} {4,9:N0}", writer, count, seconds, count / seconds, peak));
        }

        var ours = results.First(r => r.Writer == OurWriter && r.Rows == rows);
        var baseline = results.First(r => r.Writer == ClosedXmlWriter);
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "speed-up over ClosedXML at {0:N0} rows: {1:0.0}x", rows, baseline.Seconds / ours.Seconds));
    }

    /// <summary>The child: writes N synthetic rows with one writer and prints "seconds peakMB".</summary>
    public static void RunWorker(string writer, int rows, string folder, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var path = Path.Combine(folder, $"export-benchmark-{Guid.NewGuid():N}.xlsx");
        var text = new ExportText(key => key);
        var zone = RegionTimeZone.Default;
        var clock = TimeProvider.System;
        var start = clock.GetTimestamp();
        try
        {
            if (writer == ClosedXmlWriter)
            {
                WriteWithClosedXml(path, Rows(rows), text, zone);
            }
            else
            {
                using var file = File.Create(path);
                CatchUpWorkbookWriter.Write(file, [.. CatchUpWorkbookWriter.Split("held", ExportColumns.HeldPatients, Rows(rows), rows, text, zone)]);
            }

            var seconds = clock.GetElapsedTime(start).TotalSeconds;
            using var process = Process.GetCurrentProcess();
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:0.000} {1}", seconds, process.PeakWorkingSet64 / 1024 / 1024));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The baseline: ClosedXML, one cell at a time, the whole workbook in memory until saved.</summary>
    private static void WriteWithClosedXml(string path, IEnumerable<HeldPatient> rows, ExportText text, TimeZoneInfo zone)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("held");
        var columns = ExportColumns.HeldPatients;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].HeaderKey);
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                sheet.Cell(r, c + 1).SetValue(SpreadsheetText.Cell(columns[c], row, text, zone));
            }

            r++;
        }

        workbook.SaveAs(path);
    }

    /// <summary>Made-up held patients, produced one at a time (nothing is kept in memory).</summary>
    private static IEnumerable<HeldPatient> Rows(int count)
    {
        var random = new Random(42);
        var people = new SyntheticPeople(random);
        var facility = new Facility { Id = 1, Code = "HEF-H01", Name = "合肥市第一人民医院", RegionId = 1 };
        var today = new DateOnly(2021, 12, 13);
        var admitted = new DateTime(2021, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= count; i++)
        {
            yield return new HeldPatient
            {
                Id = i, Facility = facility, FacilityId = 1, RegionId = 1, Category = (HeldPatientCategory)(i % 6), PatientName = people.Name(),
                IdNumber = people.ResidentId("340104", today), Phone = people.Mobile(), AdmittedUtc = admitted.AddMinutes(i % 10_000),
                Department = "内科", AmountAdvanced = i % 100 * 12.5m, Invoices = [new HeldPatientInvoice { Number = people.Invoice() }],
                Notes = i % 10 == 0 ? "=1+1" : null, DeadlineUtc = admitted.AddDays(24),
                EnteredByUserId = "benchmark", EnteredByName = "benchmark",
            };
        }
    }

    private static async Task<string> RunChildAsync(string[] selfCommand, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(selfCommand[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in selfCommand.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark worker.");
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? stdout.Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"The benchmark worker failed ({process.ExitCode}): {stderr}");
    }
}
