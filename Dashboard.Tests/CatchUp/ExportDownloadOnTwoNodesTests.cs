using System.Security.Cryptography;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.CatchUp;

/// <summary>
/// Several nodes on PostgreSQL (issue 17): an export written on node A is downloaded through node B,
/// once, by its own user only, and not after it expired; nothing of it stays in node A's folder.
/// </summary>
public sealed class ExportDownloadOnTwoNodesTests() : SeededCoreTests(DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task A_file_written_on_node_A_is_fetched_once_through_node_B_by_its_user_only()
    {
        await using var nodeB = Core.NewNode();
        var storeA = Core.Get<ExportFileStore>();
        var storeB = nodeB.GetRequiredService<ExportFileStore>();
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        string path;
        await using (var file = storeA.Create())
        {
            path = file.Name;
            await file.WriteAsync(content);
        }

        var token = await storeA.RegisterAsync(path, "补录清单_演练.xlsx", "manager-1");

        Assert.False(File.Exists(path), "The finished file waits in the database, not in the writing node's folder.");
        Assert.Null(await storeB.TakeAsync(token, "manager-2"));
        Assert.Equal("补录清单_演练.xlsx", await storeB.FileNameOfAnotherAsync(token, "manager-2"));
        var taken = await storeB.TakeAsync(token, "manager-1");
        Assert.NotNull(taken);
        Assert.Equal("补录清单_演练.xlsx", taken.FileName);
        Assert.Equal(content, await File.ReadAllBytesAsync(taken.Path));
        Assert.Null(await storeA.TakeAsync(token, "manager-1"));
        Assert.Null(await storeB.TakeAsync(token, "manager-1"));
    }

    [Fact]
    public async Task An_expired_file_is_refused_and_swept_from_the_database()
    {
        var store = Core.Get<ExportFileStore>();
        string path;
        await using (var file = store.Create())
        {
            path = file.Name;
            await file.WriteAsync(new byte[] { 1, 2, 3 });
        }

        var token = await store.RegisterAsync(path, "late.xlsx", "manager-1");
        Core.Clock.Advance(ExportFileStore.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(await store.TakeAsync(token, "manager-1"));
        await Core.Get<SharedExportDownloads>().RemoveExpiredAsync(Core.Clock.GetUtcNow(), CancellationToken.None);
        await using var db = (PostgresDashboardDbContext)Core.CreateDb();
        Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ExportDownloads));
    }
}
