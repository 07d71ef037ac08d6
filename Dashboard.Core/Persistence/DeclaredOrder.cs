using System.Linq.Expressions;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Sorts by an enum in the order it is declared (a workflow: Logged → ReRegistered → Settled → …).
/// Enums are stored by name, so the database alone would sort them alphabetically; this ranks them
/// with a CASE over the declared values, and follows the enum when a value is added.
/// </summary>
public static class DeclaredOrder
{
    public static IOrderedQueryable<T> OrderByDeclared<T, TEnum>(this IQueryable<T> query, Expression<Func<T, TEnum>> selector, bool descending)
        where TEnum : struct, Enum
    {
        var rank = Rank(selector);
        return descending ? query.OrderByDescending(rank) : query.OrderBy(rank);
    }

    /// <summary><c>x => x.Status == First ? 0 : x.Status == Second ? 1 : … : n</c>.</summary>
    private static Expression<Func<T, int>> Rank<T, TEnum>(Expression<Func<T, TEnum>> selector)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(selector);
        var values = Enum.GetValues<TEnum>();
        Expression rank = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(selector.Body, Expression.Constant(values[i])), Expression.Constant(i), rank);
        }

        return Expression.Lambda<Func<T, int>>(rank, selector.Parameters);
    }
}
