namespace Dashboard.Components.Shared;

/// <summary>
/// A server-paged list's total, counted once per filter: a count reads every matching index entry
/// (13 ms for a supervisor's 200,000 held patients) while a page reads only its own rows, so paging
/// and sorting reuse the count taken when the filter (or the scope) last changed.
/// </summary>
/// <remarks>
/// The total can go stale while desks add or close records. It is counted again when the filter
/// changes, when the list is opened again, and whenever a page disagrees with it: a short page is
/// the end (its position is the exact total), and a full page past the counted end or an empty page
/// is counted again. MudBlazor's table then moves back to the first page when the current one is past
/// the new end, so nobody is left on a page that is not there.
/// </remarks>
public sealed class ListTotal<TKey>
{
    private TKey? _key;
    private int? _total;

    /// <summary>Takes this total for <paramref name="key"/> as counted (the catch-up page counts for its counters already).</summary>
    public void Remember(TKey key, int total)
    {
        _key = key;
        _total = total;
    }

    /// <summary>The page the table asks for, with the total counted only when needed.</summary>
    public async Task<MudBlazor.TableData<TRow>> LoadAsync<TRow>(
        TKey key, MudBlazor.TableState state, Func<CancellationToken, Task<int>> count,
        Func<int, int, CancellationToken, Task<IReadOnlyList<TRow>>> page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(page);
        if (_total is null || !EqualityComparer<TKey>.Default.Equals(_key, key))
        {
            Remember(key, await count(cancellationToken));
        }

        var skip = state.Page * state.PageSize;
        var items = await page(skip, state.PageSize, cancellationToken);
        if (items.Count > 0 && items.Count < state.PageSize)
        {
            _total = skip + items.Count;
        }
        else if ((items.Count == 0 && skip > 0) || (items.Count == state.PageSize && skip + items.Count > _total))
        {
            _total = await count(cancellationToken);
        }
        else if (items.Count == 0)
        {
            _total = 0;
        }

        return new MudBlazor.TableData<TRow> { Items = items, TotalItems = _total!.Value };
    }
}
