using Dashboard.Core.HeldPatients;

namespace Dashboard.Tests.HeldPatients;

public sealed class CareTimesTests
{
    private static readonly DateTime Dec1 = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CareTimes Inpatient(int admittedDay, int? dischargedDay) =>
        new(Dec1.AddDays(admittedDay - 1), dischargedDay is { } d ? Dec1.AddDays(d - 1) : null, null);

    private static CareTimes Visit(int day) => new(null, null, Dec1.AddDays(day - 1));

    [Fact]
    public void A_visit_during_an_inpatient_stay_is_the_same_stay()
    {
        Assert.True(Visit(3).Overlaps(Inpatient(1, 5)));
        Assert.True(Inpatient(1, 5).Overlaps(Visit(5)));
    }

    [Fact]
    public void A_patient_still_in_care_overlaps_every_later_stay()
    {
        Assert.True(Inpatient(1, null).Overlaps(Inpatient(20, 25)));
        Assert.Equal(DateTime.MaxValue, Inpatient(1, null).Stay!.Value.End);
    }

    [Fact]
    public void Stays_that_do_not_touch_are_different_stays()
    {
        Assert.False(Inpatient(1, 5).Overlaps(Inpatient(6, 9)));
        Assert.False(Visit(2).Overlaps(Visit(3)));
    }

    [Fact]
    public void A_record_without_admission_or_visit_matches_nothing()
    {
        var noStart = new CareTimes(null, Dec1, null);
        Assert.Null(noStart.Stay);
        Assert.False(noStart.Overlaps(Inpatient(1, null)));
        Assert.False(Inpatient(1, null).Overlaps(noStart));
    }
}
