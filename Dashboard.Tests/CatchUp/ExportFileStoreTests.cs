using Dashboard.Core.CatchUp;
using Microsoft.Extensions.Time.Testing;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.CatchUp;

public sealed class ExportFileStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cutover-tests", Guid.NewGuid().ToString("N"), "exports");
    private readonly FakeTimeProvider _clock = new(TestClocks.FirstStart);

    private static string Write(ExportFileStore store)
    {
        using var file = store.Create();
        file.WriteByte(1);
        return file.Name;
    }

    [Fact]
    public void A_download_token_works_once_only_for_its_user_and_expires()
    {
        using var store = new ExportFileStore(_clock, _folder);
        var token = store.Register(Write(store), "补录清单.xlsx", "user-a");
        var expiring = store.Register(Write(store), "late.xlsx", "user-a");

        Assert.Null(store.Take(token, "user-b"));
        Assert.Equal("补录清单.xlsx", store.Take(token, "user-a")?.FileName);
        Assert.Null(store.Take(token, "user-a"));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(store.Take(expiring, "user-a"));
    }

    [Fact]
    public void Exports_live_in_the_apps_own_folder_readable_only_by_its_user_and_a_crash_leaves_nothing_behind()
    {
        Directory.CreateDirectory(_folder);
        var leftover = Path.Combine(_folder, "from-before-a-crash.xlsx");
        File.WriteAllText(leftover, "patient data");

        using var store = new ExportFileStore(_clock, _folder);
        var path = Write(store);

        Assert.False(File.Exists(leftover));
        Assert.StartsWith(_folder, path, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void The_clock_alone_deletes_expired_and_abandoned_files_with_no_new_export_needed()
    {
        using var store = new ExportFileStore(_clock, _folder);
        var waiting = Write(store);
        store.Register(waiting, "补录清单.xlsx", "user-a");
        var neverFinished = Write(store);

        _clock.Advance(ExportFileStore.Lifetime);
        Assert.True(File.Exists(waiting));

        _clock.Advance(ExportFileStore.SweepInterval);
        Assert.False(File.Exists(waiting));
        Assert.True(File.Exists(neverFinished));

        _clock.Advance(ExportFileStore.AbandonedAfter);
        Assert.False(File.Exists(neverFinished));
    }

    [Fact]
    public void A_refused_or_failed_export_and_stopping_the_app_leave_no_file()
    {
        var store = new ExportFileStore(_clock, _folder);
        var refused = Write(store);
        var waiting = Write(store);
        store.Register(waiting, "补录清单.xlsx", "user-a");

        store.Abandon(refused);
        Assert.False(File.Exists(refused));

        store.Dispose();
        Assert.False(File.Exists(waiting));
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
