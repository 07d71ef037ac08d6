using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Performance;

/// <summary>SQLite's EXPLAIN QUERY PLAN for one captured command, read for what it does with the record tables.</summary>
internal sealed partial class QueryPlan
{
    public static readonly IReadOnlySet<string> RecordTables = new HashSet<string>(StringComparer.Ordinal) { "HeldPatients", "PaperForms" };

    private QueryPlan(CapturedCommand command, IReadOnlyList<string> lines)
    {
        Command = command;
        Lines = lines;
        var tables = TableAlias().Matches(command.Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value, StringComparer.Ordinal);
        Accesses = [.. lines.Select(line => Access().Match(line))
            .Where(m => m.Success && tables.TryGetValue(m.Groups["alias"].Value, out var table) && RecordTables.Contains(table))
            .Select(m => new TableAccess(
                tables[m.Groups["alias"].Value], m.Value, m.Groups["op"].Value == "SCAN", m.Groups["how"].Value,
                m.Groups["index"].Success ? m.Groups["index"].Value : null,
                [.. m.Groups["constraints"].Value.Split(" AND ", StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => Equality().Match(c)).Where(e => e.Success).Select(e => e.Groups[1].Value)]))];
    }

    public CapturedCommand Command { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>Each read of HeldPatients or PaperForms (aliases resolved from the SQL).</summary>
    public IReadOnlyList<TableAccess> Accesses { get; }

    public bool SortsInTempBTree => Lines.Any(l => l.StartsWith("USE TEMP B-TREE FOR", StringComparison.Ordinal) && l.Contains("ORDER BY", StringComparison.Ordinal));

    /// <summary>Only part of the order comes from the index ("LAST TERM", "RIGHT PART"): rows are sorted in groups.</summary>
    public bool SortsPartly => Lines.Any(l => l.StartsWith("USE TEMP B-TREE FOR", StringComparison.Ordinal) && !l.EndsWith("FOR ORDER BY", StringComparison.Ordinal));

    /// <summary>The first column of the outermost ORDER BY, or null when there is none or it is an expression.</summary>
    public string? FirstOrderColumn => OrderBy().Match(Command.Sql) is { Success: true } m ? m.Groups[1].Value : null;

    public string Text => string.Join(" | ", Lines);

    public static async Task<QueryPlan> ExplainAsync(SqliteConnection connection, CapturedCommand command)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(command);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return new QueryPlan(command, lines);
    }

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"^(?<op>SCAN|SEARCH) (?<alias>\w+)(?: USING (?<how>COVERING INDEX|INDEX|INTEGER PRIMARY KEY)(?: (?<index>\w+))?)?(?: \((?<constraints>.*)\))?")]
    private static partial Regex Access();

    [GeneratedRegex(@"^(\w+)=\?$")]
    private static partial Regex Equality();

    /// <summary>The last ORDER BY (an outer query orders last), its first term when it is a plain column.</summary>
    [GeneratedRegex(@"ORDER BY ""\w+""\.""(\w+)""(?![\s\S]*ORDER BY)")]
    private static partial Regex OrderBy();
}

/// <summary>
/// One read of a record table: a full scan (of the table, or of a whole index), or a search of an
/// index with the columns it pins by equality (an IN list shows as equality, once per value).
/// </summary>
internal sealed record TableAccess(string Table, string Detail, bool IsScan, string How, string? Index, IReadOnlyList<string> EqualityColumns)
{
    public bool ReadsIndexOnly => How is "COVERING INDEX";

    public bool ReadsById => How is "INTEGER PRIMARY KEY";
}
