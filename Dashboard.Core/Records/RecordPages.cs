using System.Linq.Expressions;
using Dashboard.Core.Paging;

namespace Dashboard.Core.Records;

/// <summary>
/// How every list of records pages (held patients, paper forms, the catch-up previews): the filtered,
/// sorted query picks the page's ids from index entries alone (the list indexes cover every filter and
/// sort column), then only the page's rows are read, by id. Reading the rows in the first query would
/// make SQLite read every row in scope before it can sort them.
/// </summary>
public static class RecordPages
{
    public const int MaxPageSize = 200;

    /// <summary>How many records of the list the filter matches in the caller's scope.</summary>
    public static async Task<int> CountAsync<T, TFilter, TRow>(
        IDbContextFactory<DashboardDbContext> dbFactory, RecordListShape<T, TFilter, TRow> list, AccessScope scope, TFilter filter, DateTime now,
        CancellationToken cancellationToken)
        where T : PatientRecord
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(list);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await list.FilterAsync(db, list.Visible(db.For(scope)).AsNoTracking(), filter, now, cancellationToken);
        return await filtered.CountAsync(cancellationToken);
    }

    /// <summary>One page of the list in the filter's order: ids from index entries, then the page's rows by id.</summary>
    public static async Task<IReadOnlyList<TRow>> PageAsync<T, TFilter, TRow>(
        IDbContextFactory<DashboardDbContext> dbFactory, RecordListShape<T, TFilter, TRow> list, AccessScope scope, TFilter filter, DateTime now,
        int skip, int take, CancellationToken cancellationToken)
        where T : PatientRecord
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(list);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = list.Visible(db.For(scope)).AsNoTracking();
        var filtered = await list.FilterAsync(db, visible, filter, now, cancellationToken);
        return await ReadAsync(list.Sort(filtered, filter), visible, skip, take, list.Row(now), list.IdOf, cancellationToken);
    }

    public static async Task<IReadOnlyList<TRow>> ReadAsync<T, TRow>(
        IQueryable<T> sorted, IQueryable<T> visible, int skip, int take, Expression<Func<T, TRow>> columns, Func<TRow, int> idOf,
        CancellationToken cancellationToken)
        where T : PatientRecord
    {
        ArgumentNullException.ThrowIfNull(idOf);
        var ids = await sorted.Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, MaxPageSize)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await visible.Where(r => ids.Contains(r.Id)).Select(columns).ToDictionaryAsync(idOf, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }
}

/// <summary>What makes one kind's list: its scoped set, its filter, its sorts and its row.</summary>
public sealed record RecordListShape<T, TFilter, TRow>(
    Func<ScopedData, IQueryable<T>> Visible,
    Func<DashboardDbContext, IQueryable<T>, TFilter, DateTime, CancellationToken, Task<IQueryable<T>>> FilterAsync,
    Func<IQueryable<T>, TFilter, IQueryable<T>> Sort,
    Func<DateTime, Expression<Func<T, TRow>>> Row,
    Func<TRow, int> IdOf)
    where T : PatientRecord;

/// <summary>A list of records as its page reads it: counted once per filter, paged many times.</summary>
public interface IRecordList<in TFilter, TRow>
{
    /// <summary>How many records the filter matches in the caller's scope (the sort does not matter).</summary>
    Task<int> CountAsync(AccessScope scope, TFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One page of the filtered, sorted list.</summary>
    Task<IReadOnlyList<TRow>> PageAsync(AccessScope scope, TFilter filter, int skip, int take, CancellationToken cancellationToken = default);
}

public static class RecordListExtensions
{
    /// <summary>One page and the whole list's count, in one call (a list page counts once per filter instead).</summary>
    public static async Task<PagedResult<TRow>> SearchAsync<TFilter, TRow>(
        this IRecordList<TFilter, TRow> list, AccessScope scope, TFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new(await list.PageAsync(scope, filter, skip, take, cancellationToken), await list.CountAsync(scope, filter, cancellationToken));
    }
}
