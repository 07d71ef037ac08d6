using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tools;
using Dashboard.Tools.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Tools;

/// <summary><c>backup --database file --output folder</c> on a seeded database in its own folder.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempDatabase _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string OutputFolder => Path.Combine(_folder.Folder, "nightly");

    /// <summary>No settings pointing at the database: the command line alone names it.</summary>
    private ToolContext Context => new(_folder.Folder, _folder.Folder, new Dictionary<string, string?>());

    [Fact]
    public async Task A_named_database_is_copied_into_the_output_folder_checked_and_the_backup_audited_in_it()
    {
        var clock = new FakeTimeProvider(TestClocks.FirstStart);
        await CoreServices.SeedAsync(_folder, clock);
        await using (var services = new ServiceCollection().AddTestCore(_folder, clock).BuildServiceProvider())
        {
            await services.GetRequiredService<AuditTrail>().RecordAsync("u", "someone", "Admin", null, AuditActions.SignIn);
        }

        SqliteConnection.ClearAllPools();

        var exit = await ToolCommands.InvokeAsync(["backup", "--database", _folder.FilePath, "--output", OutputFolder], Context, _output, _error);

        Assert.Equal("", _error.ToString());
        Assert.Equal(0, exit);
        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var file = Assert.Single(Directory.GetFiles(OutputFolder));
        Assert.Matches(@"^cutover-\d{8}-\d{6}Z\.db$", Path.GetFileName(file));
        Assert.Equal($"backup: {file}", lines[0]);
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"size: {new FileInfo(file).Length:N0} bytes"), lines[1]);
        Assert.Equal("audit rows checked in the copy: 1", lines[2]);
        Assert.Equal("OK", lines[^1]);

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(_folder.ConnectionString);
        await connection.OpenAsync();
        await using var audited = connection.CreateCommand();
        audited.CommandText = $"SELECT EntityId FROM AuditEvents WHERE Action = '{AuditActions.Backup}'";
        Assert.Equal(Path.GetFileName(file), await audited.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_that_is_not_there_is_one_line_and_exit_code_2_and_is_not_created()
    {
        var missing = Path.Combine(_folder.Folder, "typo.db");

        var exit = await ToolCommands.InvokeAsync(["backup", "--database", missing, "--output", OutputFolder], Context, _output, _error);

        Assert.Equal(2, exit);
        Assert.Equal($"There is no database at {missing}.", _error.ToString().Trim());
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(OutputFolder));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _folder.Dispose();
    }
}
