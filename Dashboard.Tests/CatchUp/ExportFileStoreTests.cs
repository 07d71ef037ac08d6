using Dashboard.Core.CatchUp;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.CatchUp;

public sealed class ExportFileStoreTests
{
    [Fact]
    public void A_download_token_works_once_only_for_its_user_and_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero));
        using var store = new ExportFileStore(clock);
        var path = store.NewPath();
        File.WriteAllText(path, "x");

        var token = store.Register(path, "补录清单.xlsx", "user-a");
        var expiring = store.Register(store.NewPath(), "late.xlsx", "user-a");

        Assert.Null(store.Take(token, "user-b"));
        Assert.Equal("补录清单.xlsx", store.Take(token, "user-a")?.FileName);
        Assert.Null(store.Take(token, "user-a"));
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(store.Take(expiring, "user-a"));
        File.Delete(path);
    }
}
