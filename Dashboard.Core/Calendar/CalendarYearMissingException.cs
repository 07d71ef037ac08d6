namespace Dashboard.Core.Calendar;

/// <summary>
/// Raised when a date falls in a year for which no official holiday calendar is loaded.
/// Guessing Monday to Friday would silently move deadlines, so the caller must handle this.
/// </summary>
public sealed class CalendarYearMissingException(int year)
    : InvalidOperationException($"No working-day calendar data for the year {year}.")
{
    public int Year { get; } = year;
}
