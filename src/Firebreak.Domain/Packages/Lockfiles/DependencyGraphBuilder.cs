namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// Collects a lockfile's packages, edges and roots under reader-chosen keys (an npm install path, a pnpm
/// <c>name@version</c>, an SBOM reference) and freezes them into a <see cref="DependencyGraph"/>. Edges may be added
/// before their ends: <see cref="Build"/> drops those whose ends never became nodes, self-edges and repeats, so a
/// hostile file can make the graph smaller but never make building it fail.
/// </summary>
public sealed class DependencyGraphBuilder
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<DependencyNode> _nodes = [];
    private readonly List<(string From, string To)> _edges = [];
    private readonly List<string> _roots = [];

    /// <summary>Adds a node under <paramref name="key"/>; a key already present keeps its first node.</summary>
    public void Node(string key, string name, string version, PackageUrl? purl)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index.ContainsKey(key)) return;
        _index[key] = _nodes.Count;
        _nodes.Add(new DependencyNode(name, version, purl));
    }

    /// <summary>True when a node has been added under <paramref name="key"/>.</summary>
    public bool Contains(string key) => _index.ContainsKey(key);

    /// <summary>Records that the package under <paramref name="from"/> depends on the one under <paramref name="to"/>.</summary>
    public void Edge(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        _edges.Add((from, to));
    }

    /// <summary>Marks a node as a root: the project itself, or one of the packages it asks for directly.</summary>
    public void Root(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _roots.Add(key);
    }

    /// <summary>
    /// The graph. Edges keep the order they were added in (a path prefers the first-written dependency). When no root
    /// was marked (or none of the marked ones is a node) — the format does not say what the project asks for — the roots
    /// are the nodes nothing depends on,
    /// unless <paramref name="inferRoots"/> is false.
    /// </summary>
    public DependencyGraph Build(bool inferRoots = true)
    {
        var seen = new HashSet<long>();
        var edges = new List<(int From, int To)>(_edges.Count);
        foreach (var (from, to) in _edges)
        {
            if (!_index.TryGetValue(from, out var f) || !_index.TryGetValue(to, out var t) || f == t) continue;
            if (seen.Add(((long)f << 32) | (uint)t)) edges.Add((f, t));
        }
        var rootSet = new HashSet<int>();
        var roots = new List<int>();
        foreach (var key in _roots)
            if (_index.TryGetValue(key, out var r) && rootSet.Add(r)) roots.Add(r);
        if (roots.Count == 0 && inferRoots)
        {
            var hasParent = new bool[_nodes.Count];
            foreach (var (_, to) in edges) hasParent[to] = true;
            for (var i = 0; i < _nodes.Count; i++) if (!hasParent[i]) roots.Add(i);
        }
        return new DependencyGraph(_nodes, edges, roots);
    }
}
