using System.Globalization;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Import;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tools.Commands;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Import;

/// <summary>
/// "A process killed in the middle of an import leaves either all of that import or none of it": the import runs
/// in a process of its own (the tools' <c>import-file</c>, the page's preview and commit on a seeded SQLite file in
/// WAL mode) and is killed with SIGKILL while its commit is under way.
/// </summary>
public sealed class KilledImportTests : SeededCoreTests
{
    private const int Rows = 120;
    private const string NamePrefix = "断电导入";

    /// <remarks>
    /// The child stops inside SQLite's INSERT of the file's last record and is killed there, so every record of the
    /// import has been written to its transaction and none can have been committed by it. Were the import committed
    /// in several transactions (say one per 50 rows, or one per row), those before the last would be committed when
    /// the kill comes and the count below would be 100 or 119 rather than 0: the test fails for any split of the
    /// import, whatever its size. (Checked by splitting <see cref="RecordImport.CommitAsync"/> into batches of 50:
    /// 100 rows survived the kill and the test failed.)
    /// </remarks>
    [Fact]
    public async Task A_process_killed_inside_the_imports_commit_leaves_none_of_it_and_the_same_import_run_again_adds_every_row_once()
    {
        var file = Workbook();

        using (var killed = Start(file, "--hold-after-rows", Rows.ToString(CultureInfo.InvariantCulture)))
        {
            await killed.WaitForLineAsync(ImportFileCommand.HoldingLine);
            await killed.KillAsync();
        }

        Assert.Equal((0, 0, 0), await ImportedAsync());
        Assert.True((await Core.Get<AuditChainVerifier>().VerifyAsync()).IsIntact);

        // Run again, here (the database is now another process's to recover): the page's preview and commit.
        var desk = await Core.ScopeOf("desk");
        await using (var workbook = File.OpenRead(file))
        {
            var import = Core.Get<RecordImport>();
            var outcome = await import.CommitAsync(desk, await import.PreviewAsync(desk, ImportKind.HeldPatients, 0, "import.xlsx", workbook, ImportWorkbooks.Texts()));
            Assert.Equal(new ImportOutcome(Rows, 0), outcome);
        }

        Assert.Equal((Rows, Rows, Rows), await ImportedAsync());
        Assert.Equal(1, await Core.CountAudit(AuditActions.Import));
        Assert.True((await Core.Get<AuditChainVerifier>().VerifyAsync()).IsIntact);
    }

    private ImportProcess Start(string file, params string[] args) => ImportProcess.Start(
        [
            "--database", Core.DatabasePath, "--file", file, "--user", "desk",
            "--now", Core.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), .. args,
        ]);

    /// <summary>The import's records, their distinct ID numbers, and their audit events.</summary>
    private async Task<(int Records, int IdNumbers, int Created)> ImportedAsync()
    {
        await using var db = Core.CreateDb();
        var imported = db.HeldPatients.Where(p => p.PatientName.StartsWith(NamePrefix));
        var ids = await imported.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
        return (ids.Count, await imported.Select(p => p.IdNumber).Distinct().CountAsync(),
            await db.AuditEvents.CountAsync(a => a.Action == AuditActions.Create && a.EntityType == nameof(HeldPatient) && ids.Contains(a.EntityId!)));
    }

    /// <summary>The template with <see cref="Rows"/> valid held patients, saved next to the test's database.</summary>
    private string Workbook()
    {
        using var workbook = ImportWorkbooks.Template(ImportKind.HeldPatients);
        var sheet = workbook.DataSheet(ImportKind.HeldPatients);
        for (var i = 0; i < Rows; i++)
        {
            sheet.Fill(i + 2, ImportWorkbooks.HeldPatient(NamePrefix + i.ToString(CultureInfo.InvariantCulture), TestIds.Resident(start: i)));
        }

        var path = Path.Combine(Path.GetDirectoryName(Core.DatabasePath)!, "import.xlsx");
        workbook.SaveAs(path);
        return path;
    }
}
