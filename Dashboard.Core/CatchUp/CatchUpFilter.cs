using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.CatchUp;

/// <summary>
/// Which outstanding records a catch-up list (补录清单) holds. Outstanding: held patients not yet
/// closed or voided, paper forms not yet back-entered, rejected or voided.
/// </summary>
public sealed record CatchUpFilter(
    int? RegionId = null,
    int? FacilityId = null,
    HeldPatientCategory? Category = null,
    PaperFormKind? FormKind = null,
    HeldPatientStatus? HeldStatus = null,
    bool OverdueOnly = false,
    DateOnly? DeadlineFrom = null,
    DateOnly? DeadlineTo = null);

public sealed record CatchUpCounts(int HeldPatients, int HeldOverdue, int PaperForms, int FormsOverdue);

/// <summary>One row of the summary sheet: outstanding work per facility and category or form kind.</summary>
public sealed record CatchUpSummaryRow(string FacilityName, string What, int Outstanding, int Overdue, DateTime? OldestUtc);
