using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;

namespace Dashboard.Core.Records.Intake;

/// <summary>
/// Batches taken one after another on one connection, for one caller (<see cref="BulkIntake.OpenAsync"/>).
/// Each call is one batch and one transaction; not for use by two callers at once.
/// </summary>
public sealed class BulkIntakeSession : IAsyncDisposable
{
    private readonly BulkIntake _intake;
    private readonly DashboardDbContext _db;
    private readonly AccessScope _scope;
    private int _closed;

    internal BulkIntakeSession(BulkIntake intake, DashboardDbContext db, AccessScope scope)
    {
        _intake = intake;
        _db = db;
        _scope = scope;
    }

    internal DashboardDbContext Db => _db;

    public Task<IntakeResult> AddHeldPatientsAsync(IReadOnlyList<HeldPatientIntakeRow> rows, CancellationToken cancellationToken = default) =>
        _intake.AddAsync(_db, _scope, HeldPatientIntake.Instance, rows, cancellationToken);

    public Task<IntakeResult> AddPaperFormsAsync(IReadOnlyList<PaperFormInput> rows, CancellationToken cancellationToken = default) =>
        _intake.AddAsync(_db, _scope, PaperFormIntake.Instance, rows, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            await BulkIntake.CloseAsync(_db);
        }
    }
}
