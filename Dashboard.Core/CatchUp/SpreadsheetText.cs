namespace Dashboard.Core.CatchUp;

/// <summary>
/// Cell values made local: instants as local times, last days as dates, text as text. Free text starting
/// with = + - @ tab or CR could run as a formula when the sheet is re-saved or pasted (OWASP CSV
/// injection): all text is written unchanged as a text cell with Excel's text format and the quote
/// prefix (<see cref="WorkbookFinisher"/>), so it stays text when edited and a clerk sees and copies
/// exactly what was typed, with no apostrophe in the value.
/// </summary>
public static class SpreadsheetText
{
    public static object? Cell<T>(ExportColumn<T> column, T row, ExportText text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = column.Value(row, text);
        return (column.Kind, value) switch
        {
            (_, null) => null,
            (ExportCellKind.DateTime, DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone),
            (ExportCellKind.Date, DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
            (ExportCellKind.Text, string s) => s,
            (ExportCellKind.Text, var other) => other.ToString(),
            _ => value,
        };
    }
}
