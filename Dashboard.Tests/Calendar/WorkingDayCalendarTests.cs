using Dashboard.Core.Calendar;

namespace Dashboard.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Official = new(HolidayCalendarData.LoadEmbedded());

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Ships_the_official_calendar_for_2019_to_2027()
    {
        Assert.Equal(Enumerable.Range(2019, 9), Official.Years.Order());
    }

    [Fact]
    public void Ten_working_days_after_2022_09_30_is_2022_10_19_counting_the_make_up_weekend()
    {
        // National Day 10-01..10-07 is off; Saturday 10-08 and Sunday 10-09 are make-up working days.
        Assert.Equal(D(2022, 10, 19), Official.AddWorkingDays(D(2022, 9, 30), 10));
    }

    [Fact]
    public void Make_up_sunday_counts_as_a_working_day()
    {
        Assert.True(Official.IsWorkingDay(D(2020, 1, 19)));
        Assert.Equal(D(2020, 1, 19), Official.AddWorkingDays(D(2020, 1, 17), 1));
    }

    [Fact]
    public void Spring_festival_2020_extension_to_february_2_is_not_working_time()
    {
        // The State Council extended the 2020 holiday (notice of 2020-01-27): Friday 01-31 was off.
        Assert.False(Official.IsWorkingDay(D(2020, 1, 31)));
        Assert.Equal(D(2020, 2, 3), Official.AddWorkingDays(D(2020, 1, 23), 1));
    }

    [Fact]
    public void The_start_day_is_not_counted()
    {
        // Monday 2021-11-22 plus one working day is Tuesday, not Monday itself.
        Assert.Equal(D(2021, 11, 23), Official.AddWorkingDays(D(2021, 11, 22), 1));
        Assert.Equal(D(2021, 11, 22), Official.AddWorkingDays(D(2021, 11, 22), 0));
    }

    [Fact]
    public void Panzhihua_catch_up_ends_ten_working_days_after_restoration()
    {
        // Restored 2020-09-20 24:00; Sunday 09-27 is a make-up day, 10-01..10-08 are off.
        Assert.Equal(D(2020, 10, 9), Official.AddWorkingDays(D(2020, 9, 20), 10));
    }

    [Fact]
    public void A_year_without_data_is_an_explicit_error_not_a_weekday_guess()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Official.AddWorkingDays(D(2027, 12, 28), 10));
        Assert.Equal(2028, ex.Year);
        Assert.Throws<CalendarYearMissingException>(() => Official.IsWorkingDay(D(2018, 6, 1)));
    }

    [Fact]
    public void Local_overrides_take_precedence_over_the_official_calendar()
    {
        var withOverride = new WorkingDayCalendar(
            HolidayCalendarData.LoadEmbedded(),
            [new HolidayDay(D(2021, 11, 23), "local closure", IsOffDay: true)]);

        Assert.Equal(D(2021, 11, 24), withOverride.AddWorkingDays(D(2021, 11, 22), 1));
    }

    [Fact]
    public void Only_overrides_that_turn_a_day_around_count_as_local_adjustments()
    {
        var local = new WorkingDayCalendar(
            HolidayCalendarData.LoadEmbedded(),
            [
                new HolidayDay(D(2020, 9, 23), "local holiday", IsOffDay: true),
                new HolidayDay(D(2020, 10, 1), "National Day, off anyway", IsOffDay: true),
                new HolidayDay(D(2020, 10, 20), "after the window", IsOffDay: true),
            ]);

        Assert.Equal(D(2020, 10, 10), local.AddWorkingDays(D(2020, 9, 20), 10));
        Assert.Equal(1, local.AdjustedDaysBetween(D(2020, 9, 20), D(2020, 10, 10)));
        Assert.Equal(0, Official.AdjustedDaysBetween(D(2020, 9, 20), D(2020, 10, 10)));
    }
}
