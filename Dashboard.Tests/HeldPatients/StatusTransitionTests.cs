using Dashboard.Core.Validation;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Records;

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
        var change = new StatusChange<HeldPatientStatus>(to, Number: "NP20211213001", Reason: "重复登记");

        Assert.Equal(allowed, HeldPatient.Statuses.Check(from, change) is null);
    }

    [Fact]
    public void Re_registration_needs_the_new_platform_number_and_voiding_a_reason()
    {
        Assert.Equal((nameof(StatusChange<HeldPatientStatus>.Number), (Message)"Status_NumberRequired"),
            HeldPatient.Statuses.Check(HeldPatientStatus.Logged, new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, Number: "  ")));
        Assert.Equal((nameof(StatusChange<HeldPatientStatus>.Reason), (Message)StatusMessages.ReasonRequired),
            HeldPatient.Statuses.Check(HeldPatientStatus.Logged, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided)));
    }
}
