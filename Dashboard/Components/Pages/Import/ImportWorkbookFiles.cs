using System.Globalization;
using System.Resources;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Import;
using Dashboard.Core.Validation;
using Dashboard.Components.Shared;
using Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Pages.Import;

/// <summary>
/// The import page's texts and downloads: <see cref="ImportTexts"/> from the app's resources (the
/// user's language, and every UI language for reading a workbook), and the template and refused-row
/// workbooks written to the export store, whose one-time link the browser then follows.
/// </summary>
internal static class ImportWorkbookFiles
{
    private static readonly ResourceManager Resources = new("Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static ImportTexts Texts(IStringLocalizer localizer) =>
        new(key => localizer[key].Value, [.. UiCultures.Supported.Select(CultureInfo.GetCultureInfo).Select(InCulture)]);

    /// <summary>Writes a workbook to an owner-only export file and returns the link that downloads it once.</summary>
    public static async Task<string> SaveAsync(ExportFileStore files, string userId, string fileName, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(write);
        string? path = null;
        try
        {
            using (var file = files.Create())
            {
                path = file.Name;
                write(file);
            }

            var token = await files.RegisterAsync(path, fileName, userId);
            path = null;
            return $"exports/{token}";
        }
        finally
        {
            if (path is not null)
            {
                files.Abandon(path);
            }
        }
    }

    /// <summary>The refused rows with their messages in the user's language, one cell per row.</summary>
    public static IReadOnlyList<(ImportRow Row, string Errors)> Refused(ImportPreview preview, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var columns = ImportColumns.Of(preview.Kind);
        var byRow = preview.Errors.ToLookup(e => e.RowNumber);
        return preview.RefusedRows
            .Select(r => (r, string.Join("；", byRow[r.RowNumber].Select(e => ColumnName(columns, e.Field, localizer) + "：" + localizer.Localize(e.Message)))))
            .ToList();
    }

    public static string ColumnName(IReadOnlyList<ImportColumn> columns, string field, IStringLocalizer localizer) =>
        columns.FirstOrDefault(c => c.Field == field) is { } column ? localizer[column.LabelKey] : localizer["Import_WholeRow"];

    private static Func<string, string> InCulture(CultureInfo culture) => key => Resources.GetString(key, culture) ?? key;
}
