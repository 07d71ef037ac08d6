using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Dashboard.Core.Persistence;

/// <summary>
/// "Starts with", case-sensitive like the columns, in a form each engine answers from an index: SQLite's
/// GLOB with a bound pattern, PostgreSQL's LIKE. Make the pattern with <see cref="Pattern"/> outside the
/// query and pass it in, so it is a parameter: SQLite uses an index only for a bound GLOB pattern.
/// </summary>
public static class TextPrefix
{
    internal static readonly MethodInfo MatchesMethod = typeof(TextPrefix).GetMethod(nameof(Matches))!;

    /// <summary>In a query only: whether <paramref name="value"/> matches a pattern from <see cref="Pattern"/>.</summary>
    public static bool Matches(string? value, string pattern) => throw new InvalidOperationException("TextPrefix.Matches is translated to SQL; call it in a query.");

    /// <summary>The pattern for values starting with <paramref name="prefix"/>, typed as is (no wildcards of its own).</summary>
    public static string Pattern(DatabaseFacade database, string prefix)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(prefix);
        return database.IsNpgsql()
            ? prefix.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%"
            : prefix.Replace("*", "", StringComparison.Ordinal).Replace("?", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal) + "*";
    }

    /// <summary>SQLite: <c>glob(pattern, value)</c>, which is what <c>value GLOB pattern</c> means.</summary>
    internal static SqlExpression Glob(IReadOnlyList<SqlExpression> arguments) =>
        new SqlFunctionExpression("glob", [arguments[1], arguments[0]], nullable: true, argumentsPropagateNullability: [true, true], typeof(bool), null);

    /// <summary>PostgreSQL: <c>value LIKE pattern</c>, with LIKE's default escape character, the backslash.</summary>
    internal static SqlExpression Like(IReadOnlyList<SqlExpression> arguments) =>
        new LikeExpression(arguments[0], arguments[1], null, null);
}
