using Dashboard.Core.HeldPatients;

namespace Dashboard.Tests.HeldPatients;

public sealed class StatusTransitionTests
{
    public static TheoryData<HeldPatientStatus, HeldPatientStatus, bool> Matrix()
    {
        var allowed = new HashSet<(HeldPatientStatus, HeldPatientStatus)>
        {
            (HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered),
            (HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled),
            (HeldPatientStatus.Settled, HeldPatientStatus.Closed),
            (HeldPatientStatus.Logged, HeldPatientStatus.Voided),
            (HeldPatientStatus.ReRegistered, HeldPatientStatus.Voided),
            (HeldPatientStatus.Settled, HeldPatientStatus.Voided),
        };
        var data = new TheoryData<HeldPatientStatus, HeldPatientStatus, bool>();
        foreach (var from in Enum.GetValues<HeldPatientStatus>())
        {
            foreach (var to in Enum.GetValues<HeldPatientStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_transition_is_allowed_or_refused_as_specified(HeldPatientStatus from, HeldPatientStatus to, bool allowed)
    {
        var change = new StatusChange(to, NewPlatformNumber: "NP20211213001", Reason: "重复登记");

        Assert.Equal(allowed, StatusTransitions.Check(from, change) is null);
    }

    [Fact]
    public void Re_registration_needs_the_new_platform_number_and_voiding_a_reason()
    {
        Assert.Equal((nameof(StatusChange.NewPlatformNumber), StatusTransitions.NumberRequired),
            StatusTransitions.Check(HeldPatientStatus.Logged, new StatusChange(HeldPatientStatus.ReRegistered, NewPlatformNumber: "  ")));
        Assert.Equal((nameof(StatusChange.Reason), StatusTransitions.ReasonRequired),
            StatusTransitions.Check(HeldPatientStatus.Logged, new StatusChange(HeldPatientStatus.Voided)));
    }
}
