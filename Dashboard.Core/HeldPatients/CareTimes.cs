namespace Dashboard.Core.HeldPatients;

/// <summary>
/// When a held patient was in care: admitted and discharged (inpatients) or the one visit
/// (outpatients), in UTC. The duplicate rule compares these as one stay.
/// </summary>
public readonly record struct CareTimes(DateTime? AdmittedUtc, DateTime? DischargedUtc, DateTime? VisitUtc)
{
    /// <summary>From admission or visit to discharge or visit (open-ended while in care); null without a start.</summary>
    public (DateTime Start, DateTime End)? Stay =>
        (AdmittedUtc ?? VisitUtc) is { } start ? (start, DischargedUtc ?? VisitUtc ?? DateTime.MaxValue) : null;

    /// <summary>The duplicate rule: both have a stay and the two stays share a moment.</summary>
    public bool Overlaps(CareTimes other) =>
        Stay is { } mine && other.Stay is { } theirs && mine.Start <= theirs.End && theirs.Start <= mine.End;
}
