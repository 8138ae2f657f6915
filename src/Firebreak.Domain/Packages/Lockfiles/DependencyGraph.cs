namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// Which package of a lockfile or SBOM depends on which, and where the graph starts: the roots are the project
/// itself when the file lists it as a package (Cargo workspace members, a CycloneDX <c>metadata.component</c>, the
/// packages an SPDX document describes), otherwise the packages the project asks for directly. Answers "who pulls
/// this in" (<see cref="PathTo"/>, like <c>cargo tree -i</c>) with one breadth-first search, linear in the graph.
/// Several nodes may carry one package URL (npm installs a version at several paths); asking about a purl asks about all of them.
/// </summary>
public sealed class DependencyGraph
{
    private readonly DependencyNode[] _nodes;
    private readonly int[] _roots;
    private readonly int[] _outStart, _out, _inStart, _in; // compressed adjacency: node i's successors are _out[_outStart[i].._outStart[i + 1]]
    private readonly Dictionary<PackageUrl, List<int>> _byPurl = [];

    internal DependencyGraph(IReadOnlyList<DependencyNode> nodes, IReadOnlyList<(int From, int To)> edges, IReadOnlyList<int> roots)
    {
        _nodes = [.. nodes];
        _roots = [.. roots];
        (_outStart, _out) = Compress(nodes.Count, edges, e => e.From, e => e.To);
        (_inStart, _in) = Compress(nodes.Count, edges, e => e.To, e => e.From);
        EdgeCount = edges.Count;
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i].Purl is not { } purl) continue;
            if (!_byPurl.TryGetValue(purl, out var list)) _byPurl[purl] = list = [];
            list.Add(i);
        }
    }

    /// <summary>The graph of a format that records none: no nodes, no roots, no paths.</summary>
    public static DependencyGraph Empty { get; } = new([], [], []);

    /// <summary>Every node, in the order the reader met them.</summary>
    public IReadOnlyList<DependencyNode> Nodes => _nodes;

    /// <summary>Where paths start, in file order.</summary>
    public IReadOnlyList<DependencyNode> Roots => [.. _roots.Select(r => _nodes[r])];

    /// <summary>How many distinct edges the graph has (self-edges, repeats and edges to unknown packages dropped).</summary>
    public int EdgeCount { get; }

    /// <summary>The direct dependencies of the package, in the order written (all nodes with that purl, repeats removed).</summary>
    public IReadOnlyList<DependencyNode> DependenciesOf(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        if (!_byPurl.TryGetValue(purl, out var nodes)) return [];
        var seen = new HashSet<int>();
        return [.. nodes.SelectMany(n => _out[_outStart[n].._outStart[n + 1]]).Where(seen.Add).Select(n => _nodes[n])];
    }

    /// <summary>
    /// The shortest chain from a root to the package, root first and the package last (one step when it is a root
    /// itself); empty when no root reaches it. Ties go to the earlier root, then to the earlier-written dependency.
    /// </summary>
    public IReadOnlyList<DependencyNode> PathTo(PackageUrl purl) => PathsTo(purl, 1) is [var path] ? path : [];

    /// <summary>The shortest chain from each root that reaches the package, shortest first (ties in root order), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<IReadOnlyList<DependencyNode>> PathsTo(PackageUrl purl, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(purl);
        return _byPurl.TryGetValue(purl, out var targets)
            ? [.. PathIndices(targets, limit).Select(p => (IReadOnlyList<DependencyNode>)[.. p.Select(i => _nodes[i])])]
            : [];
    }

    /// <summary>The routine behind every path question: node indices, root first, for the given target nodes.</summary>
    internal IReadOnlyList<int[]> PathIndices(IReadOnlyCollection<int> targets, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || targets.Count == 0) return [];
        var distance = DistancesTo(targets);
        var starts = _roots.Where(r => distance[r] >= 0).Distinct().OrderBy(r => distance[r]).Take(limit); // OrderBy is stable: root order breaks ties
        return [.. starts.Select(r => Walk(r, distance))];
    }

    /// <summary>Breadth-first over the reversed edges from the targets: each node's number of steps to the nearest target (-1 when none).</summary>
    private int[] DistancesTo(IReadOnlyCollection<int> targets)
    {
        var distance = new int[_nodes.Length];
        Array.Fill(distance, -1);
        var queue = new Queue<int>();
        foreach (var t in targets)
            if (distance[t] < 0) { distance[t] = 0; queue.Enqueue(t); }
        while (queue.Count > 0) // every node enters the queue at most once: cycles and depth cannot hurt
        {
            var node = queue.Dequeue();
            for (var e = _inStart[node]; e < _inStart[node + 1]; e++)
            {
                var parent = _in[e];
                if (distance[parent] >= 0) continue;
                distance[parent] = distance[node] + 1;
                queue.Enqueue(parent);
            }
        }
        return distance;
    }

    /// <summary>From a node, each step to its first-written dependency one step nearer a target: a shortest path, chosen deterministically.</summary>
    private int[] Walk(int start, int[] distance)
    {
        var path = new int[distance[start] + 1];
        path[0] = start;
        for (var i = 1; i < path.Length; i++)
        {
            var at = path[i - 1];
            var e = _outStart[at];
            while (distance[_out[e]] != distance[at] - 1) e++;
            path[i] = _out[e];
        }
        return path;
    }

    private static (int[] Start, int[] Targets) Compress(int count, IReadOnlyList<(int From, int To)> edges, Func<(int From, int To), int> from, Func<(int From, int To), int> to)
    {
        var start = new int[count + 1];
        foreach (var edge in edges) start[from(edge) + 1]++;
        for (var i = 0; i < count; i++) start[i + 1] += start[i];
        var fill = start[..count];
        var targets = new int[edges.Count];
        foreach (var edge in edges) targets[fill[from(edge)]++] = to(edge);
        return (start, targets);
    }
}
