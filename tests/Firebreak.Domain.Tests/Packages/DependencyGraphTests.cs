using System.Globalization;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class DependencyGraphTests
{
    private static PackageUrl Purl(string name) => PackageUrl.Create("npm", null, name, "1.0.0", null, null);

    private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Nodes named n0…, keyed by number; edges "from>to"; roots by number (none: inferred).</summary>
    private static DependencyGraph Graph(int count, IEnumerable<(int From, int To)> edges, params int[] roots)
    {
        var builder = new DependencyGraphBuilder();
        for (var i = 0; i < count; i++) builder.Node(Key(i), "n" + Key(i), "1.0.0", Purl("n" + Key(i)));
        foreach (var (from, to) in edges) builder.Edge(Key(from), Key(to));
        foreach (var root in roots) builder.Root(Key(root));
        return builder.Build();
    }

    private static List<string> Names(IEnumerable<DependencyNode> path) => [.. path.Select(n => n.Name)];

    [Fact]
    public void PathTo_Diamond_TakesTheShortestAndTheFirstWrittenOnTies()
    {
        // n0 → n1 → n3, n0 → n2 → n3, n0 → n4 → n5 → n3
        var graph = Graph(6, [(0, 4), (0, 1), (0, 2), (1, 3), (2, 3), (4, 5), (5, 3)], 0);
        Assert.Equal(["n0", "n1", "n3"], Names(graph.PathTo(Purl("n3"))));
        Assert.Equal(["n0 1.0.0", "n1 1.0.0", "n3 1.0.0"], graph.PathTo(Purl("n3")).Select(n => n.Step));
    }

    [Fact]
    public void PathsTo_SeveralRoots_OnePerRootShortestFirstThenRootOrder()
    {
        // roots n0, n1, n2: n0 → n3 → n4 → n5; n1 → n5; n2 → n4 → n5
        var graph = Graph(6, [(0, 3), (3, 4), (4, 5), (1, 5), (2, 4)], 0, 1, 2);
        Assert.Equal([["n1", "n5"], ["n2", "n4", "n5"], ["n0", "n3", "n4", "n5"]], graph.PathsTo(Purl("n5")).Select(Names));
        Assert.Equal([["n1", "n5"], ["n2", "n4", "n5"]], graph.PathsTo(Purl("n5"), limit: 2).Select(Names));
        Assert.Empty(graph.PathsTo(Purl("n5"), limit: 0));
    }

    [Fact]
    public void PathTo_Cycle_TerminatesWithTheSimplePath()
    {
        // n0 → n1 → n2 → n0 (a cycle through the root) and n2 → n3; n3 → n1
        var graph = Graph(4, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 1)], 0);
        Assert.Equal(["n0", "n1", "n2", "n3"], Names(graph.PathTo(Purl("n3"))));
        Assert.Equal(["n1"], Names(graph.DependenciesOf(Purl("n3"))));
    }

    [Fact]
    public void Build_SelfLoopsRepeatsAndDanglingEdges_AreDropped()
    {
        var builder = new DependencyGraphBuilder();
        builder.Node("a", "a", "1.0.0", Purl("a"));
        builder.Node("b", "b", "1.0.0", Purl("b"));
        builder.Node("a", "ignored", "9.9.9", Purl("ignored")); // a key keeps its first node
        builder.Edge("a", "a");
        builder.Edge("a", "b");
        builder.Edge("a", "b");
        builder.Edge("a", "nowhere");
        builder.Edge("nowhere", "b");
        builder.Root("a");
        builder.Root("not-a-node");
        var graph = builder.Build();

        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(["a"], Names(graph.Roots));
        Assert.Equal(["b"], Names(graph.DependenciesOf(Purl("a"))));
        Assert.Equal(["a", "b"], Names(graph.PathTo(Purl("b"))));
        Assert.Equal(["a"], Names(graph.PathTo(Purl("a"))));
        Assert.Empty(graph.PathTo(Purl("ignored")));
        Assert.Empty(graph.DependenciesOf(Purl("unknown")));
    }

    [Fact]
    public void Build_NoRootsMarked_RootsAreWhatNothingDependsOn()
    {
        // n0 → n1 → n2; n3 → n2; n4 ⇄ n5 (a cycle nothing enters: unreachable)
        var graph = Graph(6, [(0, 1), (1, 2), (3, 2), (4, 5), (5, 4)]);
        Assert.Equal(["n0", "n3"], Names(graph.Roots));
        Assert.Equal(["n3", "n2"], Names(graph.PathTo(Purl("n2"))));
        Assert.Empty(graph.PathTo(Purl("n5")));
        Assert.Empty(new DependencyGraphBuilder().Build(inferRoots: false).Roots);
    }

    [Fact]
    public void PathTo_TenThousandNodeChainWithBackEdges_IsFoundInOnePass()
    {
        const int count = 10_000;
        // A chain n0 → … → n9999, every node also pointing back at the root and at itself: cycles everywhere.
        var edges = Enumerable.Range(0, count - 1).SelectMany(i => new[] { (i, i + 1), (i + 1, 0), (i, i) });
        var graph = Graph(count, edges, 0);
        var path = graph.PathTo(Purl("n9999"));
        Assert.Equal(count, path.Count);
        Assert.Equal("n0", path[0].Name);
        Assert.Equal("n5000", path[5000].Name);
        Assert.Equal("n9999", path[^1].Name);
    }

    [Fact]
    public void PathsTo_HugeFanOutAndFanIn_StaysLinear()
    {
        // 5,000 roots each → a hub; the hub → 5,000 leaves, every leaf → the target. A path-list search would queue 25 million paths.
        const int width = 5_000;
        var hub = 2 * width;
        var target = hub + 1;
        var edges = Enumerable.Range(0, width).Select(r => (r, hub))
            .Concat(Enumerable.Range(width, width).Select(l => (hub, l)))
            .Concat(Enumerable.Range(width, width).Select(l => (l, target)));
        var graph = Graph(target + 1, edges, [.. Enumerable.Range(0, width)]);
        var paths = graph.PathsTo(Purl("n" + Key(target)), limit: 3);
        Assert.Equal([["n0", "n10000", "n5000", "n10001"], ["n1", "n10000", "n5000", "n10001"], ["n2", "n10000", "n5000", "n10001"]], paths.Select(Names));
    }

    [Fact]
    public void PathTo_SamePurlAtSeveralNodes_ReachesTheNearest()
    {
        var builder = new DependencyGraphBuilder();
        builder.Node("root", "root", "1.0.0", Purl("root"));
        builder.Node("deep", "mid", "1.0.0", Purl("mid"));
        builder.Node("x@a", "x", "1.0.0", Purl("x"));
        builder.Node("x@b", "x", "1.0.0", Purl("x"));
        builder.Edge("root", "deep");
        builder.Edge("deep", "x@a");
        builder.Edge("root", "x@b");
        builder.Root("root");
        Assert.Equal(["root", "x"], Names(builder.Build().PathTo(Purl("x"))));
    }

    [Fact]
    public void Step_IsNameThenVersion_OrTheNameAlone() =>
        Assert.Equal(["@scope/a 1.2.3", "Lib"], new[] { new DependencyNode("@scope/a", "1.2.3", null), new DependencyNode("Lib", "", null) }.Select(n => n.Step));
}
