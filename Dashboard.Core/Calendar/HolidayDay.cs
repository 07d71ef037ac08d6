namespace Dashboard.Core.Calendar;

/// <summary>A day the State Council calendar marks as off (holiday) or on (make-up working day).</summary>
public sealed record HolidayDay(DateOnly Date, string Name, bool IsOffDay);
