namespace Dashboard.Core.Calendar;

/// <summary>
/// Working days under the State Council calendar, including make-up working days on weekends (调休).
/// Local overrides (an administrator's correction for one region or one day) take precedence.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, bool> _offDays;
    private readonly HashSet<DateOnly> _adjusted = [];

    public WorkingDayCalendar(IEnumerable<HolidayYear> years, IEnumerable<HolidayDay>? overrides = null)
    {
        _years = [];
        _offDays = [];
        foreach (var year in years)
        {
            _years.Add(year.Year);
            foreach (var day in year.Days)
            {
                _offDays[day.Date] = day.IsOffDay;
            }
        }

        foreach (var day in overrides ?? [])
        {
            // Only an override that turns a day around changes a count; one that agrees with the official day is no adjustment.
            if (_years.Contains(day.Date.Year) && IsWorkingDay(day.Date) == day.IsOffDay)
            {
                _adjusted.Add(day.Date);
            }

            _offDays[day.Date] = day.IsOffDay;
        }
    }

    /// <summary>The years for which the calendar has official data.</summary>
    public IReadOnlyCollection<int> Years => _years;

    /// <summary>A statutory day off (a holiday in the calendar data, not an ordinary weekend).</summary>
    public bool IsPublicHoliday(DateOnly date) => _offDays.TryGetValue(date, out var isOff) && isOff;

    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year))
        {
            throw new CalendarYearMissingException(date.Year);
        }

        if (_offDays.TryGetValue(date, out var isOff))
        {
            return !isOff;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>How many local overrides changed a day after <paramref name="start"/> up to and including <paramref name="end"/>.</summary>
    public int AdjustedDaysBetween(DateOnly start, DateOnly end) => _adjusted.Count(d => d > start && d <= end);

    /// <summary>
    /// The Nth working day after <paramref name="start"/>. The start day itself is not counted
    /// (Civil Code Art. 201); a deadline is the end of the returned day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
