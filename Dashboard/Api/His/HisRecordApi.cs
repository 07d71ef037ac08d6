using Dashboard.Core.Access;
using Dashboard.Core.Records.Intake;

namespace Dashboard.Api.His;

/// <summary>
/// One kind of record in the HIS API (held patients, paper forms): how a batch goes into the bulk
/// intake, how one record and a page are read, all in the key's scope.
/// </summary>
internal sealed record HisRecordApi<TInput, TResource, TItem>(
    string Segment,
    string Tag,
    Func<IServiceProvider, AccessScope, int, IReadOnlyList<TInput>, CancellationToken, Task<IntakeResult>> AddAsync,
    Func<IServiceProvider, AccessScope, int, CancellationToken, Task<TResource?>> GetAsync,
    Func<IServiceProvider, AccessScope, int, int, CancellationToken, Task<(IReadOnlyList<TItem> Items, int Total)>> PageAsync)
    where TInput : class
    where TResource : class;
