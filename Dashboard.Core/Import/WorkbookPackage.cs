using System.IO.Compression;

namespace Dashboard.Core.Import;

/// <summary>
/// Checks an uploaded file as a zip before any spreadsheet library opens it: an .xlsx is a zip whose
/// parts a library inflates in memory, so a small file can unpack to gigabytes (a zip bomb). The
/// entries' declared sizes are summed first, then every entry is inflated into nothing while its real
/// size is counted, since a declared size can lie. Nothing is kept.
/// </summary>
public static class WorkbookPackage
{
    /// <summary>An upload larger than this is refused before it is read (10 MB holds far more than 10,000 rows).</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>All parts together, unpacked: a 10,000-row template unpacks to about 6 MB.</summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    private const int MaxEntries = 500;

    public const string NotWorkbook = "Import_NotWorkbook";
    public const string TooLarge = "Import_TooLarge";
    public const string UnpacksTooLarge = "Import_UnpacksTooLarge";

    public static Message TooLargeMessage => new(TooLarge, Megabytes(MaxFileBytes));

    /// <summary>Null if the file is a workbook package of a safe size; otherwise why not.</summary>
    public static Message? Check(Stream file) => Check(file, MaxFileBytes, MaxUnpackedBytes);

    /// <summary>The same check with other limits (a catch-up list read back is larger than an import).</summary>
    public static Message? Check(Stream file, long maxFileBytes, long maxUnpackedBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > maxFileBytes)
        {
            return new Message(TooLarge, Megabytes(maxFileBytes));
        }

        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries || zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
            {
                return NotWorkbook;
            }

            if (zip.Entries.Sum(e => e.Length) > maxUnpackedBytes)
            {
                return new Message(UnpacksTooLarge, Megabytes(maxUnpackedBytes));
            }

            return InflatedBytes(zip, maxUnpackedBytes) > maxUnpackedBytes ? new Message(UnpacksTooLarge, Megabytes(maxUnpackedBytes)) : null;
        }
        catch (InvalidDataException)
        {
            return NotWorkbook;
        }
        finally
        {
            file.Position = 0;
        }
    }

    /// <summary>The real unpacked size, counted up to just over the limit.</summary>
    private static long InflatedBytes(ZipArchive zip, long limit)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return total;
                }
            }
        }

        return total;
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
