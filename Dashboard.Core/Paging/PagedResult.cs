namespace Dashboard.Core.Paging;

/// <summary>One page of a list and how many items the whole list has.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
