using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Core.CatchUp;

/// <summary>
/// Two things MiniExcel cannot be told, done on its finished package as one streaming copy, entry by
/// entry (memory stays flat: each part passes through a small buffer):
/// <list type="bullet">
/// <item>Characters outside the Basic Multilingual Plane (emoji, rare CJK ideographs in names): MiniExcel's
/// XML encoder writes each UTF-16 surrogate as an <c>_xHHHH_</c> escape, which Excel, WPS and LibreOffice
/// show literally. A high-surrogate escape followed by a low-surrogate escape becomes the character's
/// UTF-8 bytes. A literal "_xD83D_" typed by a user was escaped by MiniExcel as <c>_x005F_xD83D_</c>
/// and is left alone: the scan reads escapes left to right, as a reader decodes them.</item>
/// <item>Text cells: every cell style with the text number format (<c>@</c>) gets
/// <c>quotePrefix="1"</c>, so a value such as "=HYPERLINK(…)" stays text when a clerk edits or re-saves
/// the cell, and is shown and copied exactly as typed, without an apostrophe in the value.</item>
/// </list>
/// Only ECMA-376 attributes that Excel, WPS Office and LibreOffice all read are added.
/// Recompressing the sheets costs about as much as MiniExcel's own writing, so it is done only when a
/// value holds such a character (<see cref="Finish"/>); otherwise only styles.xml is replaced in place
/// (<see cref="QuotePrefixInPlace"/>), which leaves the compressed sheets as they are.
/// </summary>
public static partial class WorkbookFinisher
{
    /// <summary>Whether a value needs <see cref="Finish"/>: it holds a UTF-16 surrogate, which MiniExcel escapes.</summary>
    public static bool NeedsJoining(string value) => value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>
    /// The package's styles.xml rewritten with quote-prefixed text styles, in place: the entries before it
    /// (the sheets) are not read or recompressed. <paramref name="package"/> must be readable, writable and seekable.
    /// </summary>
    public static void QuotePrefixInPlace(Stream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true);
        var styles = zip.GetEntry(StylesPart) ?? throw new InvalidDataException("The workbook has no styles part.");
        using var rewritten = new MemoryStream();
        using (var from = styles.Open())
        {
            QuotePrefixTextStyles(from, rewritten);
        }

        styles.Delete();
        using var to = zip.CreateEntry(StylesPart, CompressionLevel.Fastest).Open();
        rewritten.Position = 0;
        rewritten.CopyTo(to);
    }

    private const string StylesPart = "xl/styles.xml";

    public static void Finish(Stream package, Stream output)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(output);
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
            {
                JoinSurrogateEscapes(from, to);
            }
            else if (entry.FullName == StylesPart)
            {
                QuotePrefixTextStyles(from, to);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    /// <summary>Copies XML bytes, writing each <c>_xD8xx__xDCxx_</c> escape pair as the character it encodes.</summary>
    public static void JoinSurrogateEscapes(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        const int pairLength = 14;
        var buffer = new byte[1 << 16];
        Span<byte> utf8 = stackalloc byte[4];
        var count = 0;
        while (true)
        {
            var read = input.Read(buffer, count, buffer.Length - count);
            var atEnd = read == 0;
            count += read;

            // Before the end, a position is decided only when a whole pair after it is in the buffer.
            var limit = atEnd ? count : count - (pairLength - 1);
            var i = 0;
            var flushed = 0;
            while (i < limit)
            {
                if (TryEscape(buffer, i, count, out var unit))
                {
                    if (char.IsHighSurrogate(unit) && TryEscape(buffer, i + 7, count, out var low) && char.IsLowSurrogate(low))
                    {
                        output.Write(buffer, flushed, i - flushed);
                        var length = new Rune(unit, low).EncodeToUtf8(utf8);
                        output.Write(utf8[..length]);
                        i += pairLength;
                        flushed = i;
                        continue;
                    }

                    i += 7;
                    continue;
                }

                i++;
            }

            output.Write(buffer, flushed, i - flushed);
            if (atEnd)
            {
                return;
            }

            Array.Copy(buffer, i, buffer, 0, count - i);
            count -= i;
        }
    }

    /// <summary>An <c>_xHHHH_</c> escape at <paramref name="at"/>, wholly before <paramref name="end"/>.</summary>
    private static bool TryEscape(byte[] buffer, int at, int end, out char unit)
    {
        unit = '\0';
        if (at + 7 > end || buffer[at] != '_' || buffer[at + 1] != 'x' || buffer[at + 6] != '_')
        {
            return false;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexDigit(buffer[k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };

    /// <summary>styles.xml (a few kilobytes): the cell formats whose number format is "@" get quotePrefix="1".</summary>
    public static void QuotePrefixTextStyles(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var styles = reader.ReadToEnd();
        var textFormats = TextNumberFormat().Matches(styles).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        var cellXfs = CellXfs().Match(styles);
        if (textFormats.Count > 0 && cellXfs.Success)
        {
            var prefixed = CellFormat().Replace(cellXfs.Value, m =>
                textFormats.Contains(m.Groups["id"].Value) && !m.Value.Contains("quotePrefix", StringComparison.Ordinal)
                    ? m.Value + " quotePrefix=\"1\""
                    : m.Value);
            // MiniExcel writes no cellStyles; readers then guess the Normal style (openpyxl warns). Named here.
            if (!styles.Contains("cellStyles", StringComparison.Ordinal))
            {
                prefixed += $"<{cellXfs.Groups["prefix"].Value}cellStyles count=\"1\"><{cellXfs.Groups["prefix"].Value}cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></{cellXfs.Groups["prefix"].Value}cellStyles>";
            }

            styles = string.Concat(styles.AsSpan(0, cellXfs.Index), prefixed, styles.AsSpan(cellXfs.Index + cellXfs.Length));
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        writer.Write(styles);
    }

    [GeneratedRegex("<(?:\\w+:)?numFmt numFmtId=\"(?<id>\\d+)\" formatCode=\"@\"")]
    private static partial Regex TextNumberFormat();

    [GeneratedRegex("<(?<prefix>\\w+:)?cellXfs\\b.*?</(?:\\w+:)?cellXfs>", RegexOptions.Singleline)]
    private static partial Regex CellXfs();

    [GeneratedRegex("<(?:\\w+:)?xf numFmtId=\"(?<id>\\d+)\"")]
    private static partial Regex CellFormat();
}
