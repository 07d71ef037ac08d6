using Dashboard.Tests.EndToEnd;
using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Dashboard.Tests.Infrastructure.BrowserCollectionsFirst", "Dashboard.Tests")]

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Starts the three browser collections before the others. xunit runs only as many collections at once
/// as it has threads, in the order given here; by default a browser collection could wait a minute and
/// a half behind short unit-test classes and then run alone at the end, when the suite's time is set by
/// the longest collection. Started first, the three run beside each other and the short classes fill
/// the remaining thread.
/// </summary>
public sealed class BrowserCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [ThirdBrowserCollection.Name, SecondBrowserCollection.Name, BrowserCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select((collection, index) => (collection, index))
            .OrderBy(c => Array.IndexOf(Longest, c.collection.DisplayName) is var rank and >= 0 ? rank : Longest.Length)
            .ThenBy(c => c.index)
            .Select(c => c.collection);
}
