namespace Dashboard.Core.CatchUp;

/// <summary>Cell values made safe and local: formula-like text neutralized, instants as local times.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Free text starting with = + - @ tab or CR could run as a formula when the sheet is re-saved or
    /// pasted (OWASP CSV injection): such text gets a leading apostrophe and stays plain text.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    public static object? Cell<T>(ExportColumn<T> column, T row, ExportText text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = column.Value(row, text);
        return (column.Kind, value) switch
        {
            (_, null) => null,
            (ExportCellKind.DateTime, DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone),
            (ExportCellKind.Text, string s) => Neutralize(s),
            (ExportCellKind.Text, var other) => Neutralize(other.ToString() ?? ""),
            _ => value,
        };
    }
}
