using Dashboard.Core.Records;
using Dashboard.Core.Validation;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Tests.HeldPatients;

public sealed class StatusTransitionTests
{
    private static readonly HeldPatientStatus[] Workflow =
        [HeldPatientStatus.Logged, HeldPatientStatus.ReRegistered, HeldPatientStatus.Settled, HeldPatientStatus.Closed];

    private static bool Allowed(HeldPatientStatus from, HeldPatientStatus to) =>
        HeldPatient.Statuses.Check(from, new StatusChange<HeldPatientStatus>(to, Number: "NP20211213001", Reason: "重复登记")) is null;

    [Fact]
    public void A_record_moves_along_the_workflow_one_step_at_a_time_never_skipping_or_going_back()
    {
        for (var from = 0; from < Workflow.Length; from++)
        {
            for (var to = 0; to < Workflow.Length; to++)
            {
                Assert.True(Allowed(Workflow[from], Workflow[to]) == (to == from + 1), $"{Workflow[from]} → {Workflow[to]}");
            }
        }
    }

    [Theory]
    [InlineData(HeldPatientStatus.Logged)]
    [InlineData(HeldPatientStatus.ReRegistered)]
    [InlineData(HeldPatientStatus.Settled)]
    public void Any_open_record_can_be_voided(HeldPatientStatus open) =>
        Assert.True(Allowed(open, HeldPatientStatus.Voided));

    [Theory]
    [InlineData(HeldPatientStatus.Closed)]
    [InlineData(HeldPatientStatus.Voided)]
    public void Closed_and_voided_records_are_final(HeldPatientStatus final) =>
        Assert.All(Enum.GetValues<HeldPatientStatus>(), to => Assert.False(Allowed(final, to), $"{final} → {to}"));

    [Fact]
    public void Re_registration_needs_the_new_platform_number_and_voiding_a_reason()
    {
        Assert.Equal((nameof(StatusChange<HeldPatientStatus>.Number), (Message)"Status_NumberRequired"),
            HeldPatient.Statuses.Check(HeldPatientStatus.Logged, new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, Number: "  ")));
        Assert.Equal((nameof(StatusChange<HeldPatientStatus>.Reason), (Message)StatusMessages.ReasonRequired),
            HeldPatient.Statuses.Check(HeldPatientStatus.Logged, new StatusChange<HeldPatientStatus>(HeldPatientStatus.Voided)));
    }
}
