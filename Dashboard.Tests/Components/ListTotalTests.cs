using Dashboard.Components.Shared;
using MudBlazor;

namespace Dashboard.Tests.Components;

/// <summary>
/// A list counts its records once per filter and reuses the count while the user pages and sorts;
/// a page that shows the count is stale corrects it, so the pager never offers pages that are not there.
/// </summary>
public sealed class ListTotalTests
{
    private readonly ListTotal<string> _total = new();
    private int _records = 60;
    private int _counts;

    private Task<TableData<int>> PageAsync(string filter, int page, int pageSize = 25) =>
        _total.LoadAsync(filter, new TableState { Page = page, PageSize = pageSize }, CountAsync, RowsAsync, CancellationToken.None);

    private Task<int> CountAsync(CancellationToken cancellationToken)
    {
        _counts++;
        return Task.FromResult(_records);
    }

    private Task<IReadOnlyList<int>> RowsAsync(int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>([.. Enumerable.Range(skip, Math.Max(0, Math.Min(take, _records - skip)))]);

    [Fact]
    public async Task Paging_and_changing_the_page_size_reuse_the_count_taken_for_the_filter()
    {
        Assert.Equal(60, (await PageAsync("all", 0)).TotalItems);
        Assert.Equal(60, (await PageAsync("all", 1)).TotalItems);
        Assert.Equal(60, (await PageAsync("all", 0, pageSize: 50)).TotalItems);

        Assert.Equal(1, _counts);
    }

    [Fact]
    public async Task Another_filter_is_counted_once_too()
    {
        await PageAsync("all", 0);
        _records = 30;
        Assert.Equal(30, (await PageAsync("logged", 0)).TotalItems);
        await PageAsync("logged", 1);

        Assert.Equal(2, _counts);
    }

    [Fact]
    public async Task A_last_page_shorter_than_counted_gives_the_exact_total_without_counting_again()
    {
        await PageAsync("all", 0);
        _records = 55;

        var last = await PageAsync("all", 2);

        Assert.Equal(5, last.Items!.Count());
        Assert.Equal(55, last.TotalItems);
        Assert.Equal(1, _counts);
    }

    [Fact]
    public async Task A_page_past_the_end_counts_again_so_the_table_moves_back_to_pages_that_exist()
    {
        await PageAsync("all", 0);
        _records = 40;

        var gone = await PageAsync("all", 2);

        Assert.Empty(gone.Items!);
        Assert.Equal(40, gone.TotalItems);
        Assert.Equal(2, _counts);
    }

    [Fact]
    public async Task Records_added_while_paging_are_counted_once_a_full_page_runs_past_the_count()
    {
        await PageAsync("all", 0);
        _records = 80;

        var page = await PageAsync("all", 2);

        Assert.Equal(80, page.TotalItems);
        Assert.Equal(2, _counts);
    }

    [Fact]
    public async Task A_count_already_taken_by_the_page_is_not_taken_again()
    {
        _total.Remember("all", 60);

        Assert.Equal(60, (await PageAsync("all", 1)).TotalItems);
        Assert.Equal(0, _counts);
    }
}
