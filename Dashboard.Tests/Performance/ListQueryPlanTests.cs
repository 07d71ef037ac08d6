using Dashboard.Core.Access;
using Dashboard.Core.CatchUp;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Tests.Performance;

/// <summary>
/// Every list, count and catch-up query the list pages send, for a desk (one facility), a supervisor
/// (every region) and a manager (two regions), with every filter and sort the pages offer, captured from
/// the app's own query services and explained by SQLite on a database like production's. What a plan
/// may do:
/// <list type="bullet">
/// <item>never scan a whole record table, nor a whole index of one (SCAN): a list reads its scope's part;</item>
/// <item>find a page's ids and a count in index entries alone (COVERING INDEX), then read the page's
/// rows by id. Two reads of rows are allowed: a search seeks the few records it matches (name, ID
/// number, invoice), and a page walked in its own order reads rows only until the page is full;</item>
/// <item>newest first (every list's default, alone or with one filter), name order and the catch-up
/// lists walk an index in that order: no rows are sorted, and over several regions each region's walk
/// stops once the page is full (SQLite still says USE TEMP B-TREE: it merges the regions' walks).</item>
/// </list>
/// The other sorts (category or kind, status, deadline, start, issue time, form number) sort index
/// entries of the scope in a temp B-tree; the test prints them. Administrators' lists are not checked:
/// they see every record, so their counts read everything by definition.
/// </summary>
public sealed class ListQueryPlanTests(ListPlanDatabase database, ITestOutputHelper output) : IClassFixture<ListPlanDatabase>
{
    private readonly Dictionary<string, IReadOnlyList<string>> _indexColumns = [];

    public static TheoryData<string> Users() => [DemoAccounts.Desk.UserName, DemoAccounts.Supervisor.UserName, DemoAccounts.Manager.UserName];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_list_query_finds_its_rows_through_an_index(string user)
    {
        var scope = await database.ScopeOf(user);
        var violations = new List<string>();
        var sortedInTempBTree = new List<string>();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var scenarios = await ScenariosAsync(scope);
        foreach (var scenario in scenarios)
        {
            var commands = await database.Captured.DuringAsync(() => scenario.Run(scope));
            Assert.True(commands.Count > 0, $"{scenario.Name} sent no query.");
            foreach (var command in commands)
            {
                var plan = await QueryPlan.ExplainAsync(connection, command);
                violations.AddRange((await ViolationsAsync(connection, scenario, plan)).Select(v => $"{user}: {scenario.Name}: {v}\n    {Shorten(command.Sql)}\n    plan: {plan.Text}"));
                if (plan.SortsInTempBTree && scenario.Walks is null && plan.Accesses.Count > 0)
                {
                    sortedInTempBTree.Add($"{scenario.Name}: {plan.Text}");
                }
            }
        }

        output.WriteLine($"{scenarios.Count} list scenarios for {user}; these sort index entries in a temp B-tree (no index has their order):");
        sortedInTempBTree.ForEach(output.WriteLine);
        Assert.True(violations.Count == 0, $"{violations.Count} list queries read the record tables without an index as the lists need it:\n" + string.Join("\n", violations));
    }

    private async Task<IEnumerable<string>> ViolationsAsync(SqliteConnection connection, Scenario scenario, QueryPlan plan)
    {
        var violations = new List<string>();
        var pageIds = plan.Command.Sql.Contains("LIMIT", StringComparison.Ordinal);
        var byId = !pageIds && plan.Command.Sql.Contains("\"Id\" IN (", StringComparison.Ordinal);
        foreach (var access in plan.Accesses)
        {
            var inOrder = await WalksInOrderAsync(connection, access, plan.FirstOrderColumn) && !plan.SortsPartly;
            if (access.IsScan)
            {
                violations.Add($"scans the whole of {access.Table} ({access.Detail})");
            }
            else if (byId && !access.ReadsById)
            {
                violations.Add($"reads the page's rows through {access.Index} instead of by id");
            }
            else if (!byId && !access.ReadsIndexOnly && !scenario.Searches && !(pageIds && inOrder))
            {
                violations.Add($"reads {access.Table} rows to find a page or a count ({access.Detail})");
            }
            else if (pageIds && scenario.Walks is { } column && (plan.FirstOrderColumn != column || !inOrder))
            {
                violations.Add($"does not walk an index in {column} order ({access.Detail}{(plan.SortsInTempBTree ? ", then sorts" : "")})");
            }
        }

        return violations;
    }

    /// <summary>
    /// The index gives rows in <paramref name="orderColumn"/> order for each value of the columns it pins
    /// by equality: the ORDER BY column comes right after them.
    /// </summary>
    private async Task<bool> WalksInOrderAsync(SqliteConnection connection, TableAccess access, string? orderColumn)
    {
        if (orderColumn is null || access.Index is null)
        {
            return false;
        }

        if (!_indexColumns.TryGetValue(access.Index, out var columns))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_index_info($index) ORDER BY seqno";
            command.Parameters.AddWithValue("$index", access.Index);
            var names = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            _indexColumns[access.Index] = columns = names;
        }

        return columns.Count > access.EqualityColumns.Count && columns[access.EqualityColumns.Count] == orderColumn;
    }

    /// <summary>What the list pages send: a count once per filter, then pages, for every filter and sort they offer.</summary>
    private async Task<List<Scenario>> ScenariosAsync(AccessScope scope)
    {
        var held = database.Services.GetRequiredService<HeldPatientQueries>();
        var forms = database.Services.GetRequiredService<PaperFormQueries>();
        var catchUp = database.Services.GetRequiredService<CatchUpQueries>();
        var scenarios = new List<Scenario>();

        (string Name, HeldPatientFilter Filter)[] heldFilters =
        [
            ("no filter", new()), ("status", new(Status: HeldPatientStatus.Logged)), ("category", new(Category: HeldPatientCategory.OutpatientAdvance)),
            ("overdue", new(OverdueOnly: true)), ("category, status and overdue", new(Category: HeldPatientCategory.RemoteCare, Status: HeldPatientStatus.Settled, OverdueOnly: true)),
        ];
        foreach (var sort in Enum.GetValues<HeldPatientSortColumn>())
        {
            foreach (var descending in new[] { true, false })
            {
                foreach (var (name, filter) in heldFilters)
                {
                    var sorted = filter with { SortBy = sort, Descending = descending };
                    var walks = (sort, name) switch
                    {
                        (HeldPatientSortColumn.EnteredUtc, not "category, status and overdue") => "EnteredUtc",
                        (HeldPatientSortColumn.PatientName, "no filter") => "PatientNameSortKey",
                        _ => null,
                    };
                    scenarios.Add(new($"held patients, {name}, by {sort} {(descending ? "descending" : "ascending")}",
                        async s => { await held.CountAsync(s, sorted); await held.PageAsync(s, sorted, 50, 25); }, walks));
                }
            }
        }

        foreach (var search in new[] { "王", "Wang", "0042", "FP2026000010", "2026-000123" })
        {
            scenarios.Add(new($"held patients, search '{search}'", async s => { await held.CountAsync(s, new(Search: search)); await held.PageAsync(s, new(Search: search), 0, 25); }, Searches: true));
        }

        (string Name, PaperFormFilter Filter)[] formFilters =
        [
            ("no filter", new()), ("status", new(Status: PaperFormStatus.Received)), ("kind", new(Kind: PaperFormKind.RemoteCareFiling)), ("overdue", new(OverdueOnly: true)),
        ];
        foreach (var sort in Enum.GetValues<PaperFormSortColumn>())
        {
            foreach (var descending in new[] { true, false })
            {
                foreach (var (name, filter) in formFilters)
                {
                    var sorted = filter with { SortBy = sort, Descending = descending };
                    var walks = (sort, name) switch
                    {
                        (PaperFormSortColumn.EnteredUtc, _) => "EnteredUtc",
                        (PaperFormSortColumn.PatientName, "no filter") => "PatientNameSortKey",
                        _ => null,
                    };
                    scenarios.Add(new($"paper forms, {name}, by {sort} {(descending ? "descending" : "ascending")}",
                        async s => { await forms.CountAsync(s, sorted); await forms.PageAsync(s, sorted, 50, 25); }, walks));
                }
            }
        }

        scenarios.Add(new("paper forms, search", async s => { await forms.CountAsync(s, new(Search: "0042")); await forms.PageAsync(s, new(Search: "0042"), 0, 25); }, Searches: true));

        // The catch-up page offers a region and a facility only when the scope has more than one.
        var facilities = await database.Services.GetRequiredService<FacilityService>().ListAsync(scope);
        List<(string Name, CatchUpFilter Filter)> catchUpFilters =
        [
            ("no filter", new()), ("category", new(Category: HeldPatientCategory.InpatientSpanningOutage)), ("form kind", new(FormKind: PaperFormKind.TransferReferral)),
            ("status", new(HeldStatus: HeldPatientStatus.ReRegistered)), ("overdue", new(OverdueOnly: true)),
            ("deadline range", new(DeadlineFrom: new DateOnly(2026, 11, 1), DeadlineTo: new DateOnly(2026, 12, 31))),
        ];
        if (scope.RegionIds.Count > 1)
        {
            catchUpFilters.Add(("region", new(RegionId: scope.RegionIds.Order().First())));
        }

        if (facilities.Count > 1)
        {
            catchUpFilters.Add(("facility", new(FacilityId: facilities[^1].Id)));
        }

        foreach (var (name, filter) in catchUpFilters)
        {
            // A form kind leaves no held patients and a category or status no paper forms: nothing is asked for those.
            scenarios.Add(new($"catch-up counts, {name}", s => catchUp.CountAsync(s, filter)));
            if (filter.FormKind is null)
            {
                scenarios.Add(new($"catch-up held patients, {name}", s => catchUp.PreviewHeldAsync(s, filter, 10, 10), "EnteredUtc"));
            }

            if (filter.Category is null && filter.HeldStatus is null)
            {
                scenarios.Add(new($"catch-up paper forms, {name}", s => catchUp.PreviewFormsAsync(s, filter, 10, 10), "EnteredUtc"));
            }
        }

        return scenarios;
    }

    private static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    /// <summary>
    /// One thing a list page does. <paramref name="Walks"/>: the column its page must be walked in;
    /// <paramref name="Searches"/>: a search, whose seeks may read the rows they match.
    /// </summary>
    private sealed record Scenario(string Name, Func<AccessScope, Task> Run, string? Walks = null, bool Searches = false);
}
