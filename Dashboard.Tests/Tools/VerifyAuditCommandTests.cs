using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tools;
using Dashboard.Tools.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Tools;

/// <summary><c>verify-audit</c> on a seeded database in its own folder, found the way the app finds it.</summary>
public sealed class VerifyAuditCommandTests : IDisposable
{
    private readonly TempDatabase _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private ToolContext Context => new(_folder.Folder, _folder.Folder, new Dictionary<string, string?>
    {
        ["ConnectionStrings:Dashboard"] = _folder.ConnectionString,
        ["Dashboard:DataFolder"] = _folder.Folder,
    });

    /// <summary>The seeded database with a few audit rows written by the app's own services.</summary>
    private async Task SeedWithAuditRowsAsync()
    {
        var clock = new FakeTimeProvider(TestClocks.FirstStart);
        await CoreServices.SeedAsync(_folder, clock);
        await using var services = new ServiceCollection().AddTestCore(_folder, clock).BuildServiceProvider();
        for (var i = 0; i < 3; i++)
        {
            await services.GetRequiredService<AuditTrail>().RecordAsync("u", "someone", "Admin", null, AuditActions.SignIn);
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task An_untouched_trail_prints_the_rows_checked_and_OK_with_exit_code_0()
    {
        await SeedWithAuditRowsAsync();

        var exit = await ToolCommands.InvokeAsync(["verify-audit"], Context, _output, _error);

        Assert.Equal(0, exit);
        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("audit rows checked: 3", lines[0]);
        Assert.Matches("^last link: [0-9a-f]{64}$", lines[1]);
        Assert.Equal("OK", lines[^1]);
    }

    [Fact]
    public async Task A_deleted_row_prints_the_first_broken_link_with_exit_code_1()
    {
        await SeedWithAuditRowsAsync();
        long middle;
        await using (var connection = new SqliteConnection(_folder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT min(Id) + 1 FROM AuditEvents";
            middle = (long)(await find.ExecuteScalarAsync())!;
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DROP TRIGGER AuditEvents_NoDelete; DELETE FROM AuditEvents WHERE Id = {middle};";
            await delete.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var exit = await ToolCommands.InvokeAsync(["verify-audit"], Context, _output, _error);

        Assert.Equal(1, exit);
        var output = _output.ToString();
        Assert.Contains("MISSING TRIGGER: AuditEvents_NoDelete", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN at audit row {middle}: the row is missing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("OK", output.Split(Environment.NewLine), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_database_that_is_not_there_is_one_line_and_exit_code_2_and_is_not_created()
    {
        var exit = await ToolCommands.InvokeAsync(["verify-audit"], Context, _output, _error);

        Assert.Equal(2, exit);
        Assert.Contains("Cannot open the database", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.FilePath));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _folder.Dispose();
    }
}
