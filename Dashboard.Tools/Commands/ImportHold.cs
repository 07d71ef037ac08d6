using System.Data.Common;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Import;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Dashboard.Tools.Commands;

/// <summary>
/// <c>import-file --hold-after-rows N</c>: once armed, counts the records SQLite inserts (its update hook, which
/// sees every row however it is written, the bulk intake's prepared statements included); when the Nth is in,
/// prints <see cref="ImportFileCommand.HoldingLine"/> and stops inside SQLite's INSERT, before anything after it
/// (the commit in particular) can run, until the process is killed. The pause is where the test kills the
/// process, so it is the test's signal, not a timing guess.
/// </summary>
internal sealed class ImportHold(int rows, TextWriter output) : DbConnectionInterceptor
{
    private const int SqliteInsert = 18;

    private volatile string? _table;
    private int _inserted;

    /// <summary>From now on, inserts into the kind's record table count.</summary>
    public void Arm(IDbContextFactory<DashboardDbContext> dbFactory, ImportKind kind)
    {
        using var db = dbFactory.CreateDbContext();
        var entity = kind == ImportKind.HeldPatients ? typeof(HeldPatient) : typeof(PaperForm);
        _table = db.Model.FindEntityType(entity)!.GetTableName();
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Watch(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Watch(connection);
        return Task.CompletedTask;
    }

    private void Watch(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            raw.sqlite3_update_hook(sqlite.Handle, OnRowChanged, null);
        }
    }

    private void OnRowChanged(object userData, int type, utf8z database, utf8z table, long rowId)
    {
        if (type != SqliteInsert || _table is not { } watched || table.utf8_to_string() != watched || Interlocked.Increment(ref _inserted) != rows)
        {
            return;
        }

        output.WriteLine(ImportFileCommand.HoldingLine);
        output.Flush();

        // Waits for the kill. Should the test die first, its end of the pipe closes: leave without committing.
        Console.In.ReadLine();
        Environment.Exit(3);
    }
}
