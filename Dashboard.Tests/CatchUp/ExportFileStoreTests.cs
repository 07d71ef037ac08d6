using Dashboard.Core.CatchUp;
using Microsoft.Extensions.Time.Testing;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

public sealed class ExportFileStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cutover-tests", Guid.NewGuid().ToString("N"), "exports");
    private readonly FakeTimeProvider _clock = new(TestClocks.FirstStart);

    [Fact]
    public void A_download_token_works_once_only_for_its_user_and_expires()
    {
        using var store = new ExportFileStore(_clock, _folder);
        var path = store.NewPath();
        File.WriteAllText(path, "x");

        var token = store.Register(path, "补录清单.xlsx", "user-a");
        var expiring = store.Register(store.NewPath(), "late.xlsx", "user-a");

        Assert.Null(store.Take(token, "user-b"));
        Assert.Equal("补录清单.xlsx", store.Take(token, "user-a")?.FileName);
        Assert.Null(store.Take(token, "user-a"));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(store.Take(expiring, "user-a"));
        File.Delete(path);
    }

    [Fact]
    public void Exports_live_in_the_apps_own_folder_readable_only_by_its_user_and_a_crash_leaves_nothing_behind()
    {
        Directory.CreateDirectory(_folder);
        var leftover = Path.Combine(_folder, "from-before-a-crash.xlsx");
        File.WriteAllText(leftover, "patient data");

        using var store = new ExportFileStore(_clock, _folder);

        Assert.False(File.Exists(leftover));
        Assert.StartsWith(_folder, store.NewPath(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        }
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
