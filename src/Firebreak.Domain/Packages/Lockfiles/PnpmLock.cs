using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x. Packages come from the <c>packages</c> keys (or their
/// <c>name</c>/<c>version</c> fields, for tarballs); local (<c>file:</c>, <c>link:</c>, directories), git and
/// non-registry tarball packages are left out. Direct packages are those the project or its workspace importers
/// list. Development-only: the <c>dev: true</c> flag before 9.x; in 9.x, packages the importers' devDependencies reach
/// through <c>snapshots</c> and their dependencies and optionalDependencies do not (a package nothing reaches counts as shipped).
/// The graph's nodes are <c>name@version</c> (peer variants merged), its edges each package's dependencies and
/// optionalDependencies (<c>packages</c> before 9.x, <c>snapshots</c> in 9.x), its roots the importers' dependencies.
/// </summary>
public static class PnpmLock
{
    private static readonly string[] ProductionGroups = ["dependencies", "optionalDependencies"];
    private static readonly string[] AllGroups = ["dependencies", "optionalDependencies", "devDependencies"];

    /// <summary>Reads the installed packages.</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string text, string source) => Parse(text, source, null);

    /// <summary>Reads the installed packages and, into <paramref name="graph"/>, who depends on whom.</summary>
    internal static IReadOnlyList<LockfileComponent> Parse(string text, string source, DependencyGraphBuilder? graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        var root = LockfileYaml.Load(text, source);
        if (root is null) return [];
        if (root is not YamlMappingNode document) throw Error(source, root, "A pnpm-lock.yaml is a mapping with lockfileVersion and packages.");
        var version = LockfileYaml.Scalar(document, "lockfileVersion") is { } v && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 5.0;
        var pathStyle = version < 6;
        if (!document.Children.TryGetValue(new YamlScalarNode("packages"), out var packagesNode) || packagesNode is YamlScalarNode { Value: null or "" }) return [];
        if (packagesNode is not YamlMappingNode packages) throw Error(source, packagesNode, "'packages' must be a mapping of package paths.");
        var importers = Importers(document);
        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var importer in importers)
            foreach (var (name, reference) in Dependencies(importer, AllGroups, v6Style: version >= 6))
                if (EdgeTarget(name, reference, pathStyle) is { } id && direct.Add(id)) graph?.Root(id);
        var snapshots = version >= 9 ? Snapshots(document, source) : null;
        var production = snapshots is null ? null : Reachable(snapshots, importers, ProductionGroups);
        var development = snapshots is null ? null : Reachable(snapshots, importers, ["devDependencies"]);
        var components = new List<LockfileComponent>();
        foreach (var (keyNode, value) in packages.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key }) throw Error(source, keyNode, "A package's key must be its path.");
            var entry = value as YamlMappingNode ?? new YamlMappingNode(); // 'path:' with nothing under it
            if (Package(key, entry, pathStyle, source, keyNode) is not var (name, installed)) continue;
            var id = $"{name}@{installed}";
            if (graph is not null && version < 9)
                foreach (var (dependency, reference) in Dependencies(entry, ProductionGroups, v6Style: false))
                    if (EdgeTarget(dependency, reference, pathStyle) is { } target) graph.Edge(id, target);
            var devOnly = production is null ? LockfileYaml.Scalar(entry, "dev") == "true" : development!.Contains(id) && !production.Contains(id);
            try
            {
                var purl = NpmDescriptor.Purl(name, installed);
                components.Add(new LockfileComponent(purl, importers.Count > 0 ? direct.Contains(id) : null, devOnly));
                graph?.Node(id, name, installed, purl);
            }
            catch (PackageUrlFormatException e)
            {
                throw Error(source, keyNode, $"'{id}' is not a valid npm package: {e.Message}");
            }
        }
        if (graph is not null && snapshots is not null)
            foreach (var (from, targets) in snapshots)
                foreach (var target in targets) graph.Edge(from, target);
        return components;
    }

    private static (string, string)? Package(string key, YamlMappingNode entry, bool pathStyle, string source, YamlNode keyNode)
    {
        var resolution = LockfileYaml.Mapping(entry, "resolution");
        if (resolution is not null && (LockfileYaml.Scalar(resolution, "type") is "directory" or "git" || LockfileYaml.Scalar(resolution, "tarball") is { } tarball && !tarball.Contains("/-/", StringComparison.Ordinal)))
            return null; // a local folder, a git checkout or a tarball that is not a registry's
        if (key.StartsWith("file:", StringComparison.Ordinal) || key.StartsWith("link:", StringComparison.Ordinal)) return null;
        if (LockfileYaml.Scalar(entry, "name") is { Length: > 0 } name && LockfileYaml.Scalar(entry, "version") is { Length: > 0 } version) return (name, version);
        try
        {
            return PnpmPackageKey.Parse(key, pathStyle);
        }
        catch (FormatException e)
        {
            throw Error(source, keyNode, e.Message);
        }
    }

    /// <summary>The project (the document itself, before workspaces) and every workspace importer.</summary>
    private static List<YamlMappingNode> Importers(YamlMappingNode document)
    {
        var importers = new List<YamlMappingNode>();
        if (AllGroups.Any(g => LockfileYaml.Mapping(document, g) is not null)) importers.Add(document);
        if (LockfileYaml.Mapping(document, "importers") is { } map) importers.AddRange(map.Children.Values.OfType<YamlMappingNode>());
        return importers;
    }

    /// <summary>Dependency name and reference: <c>name: 1.0.0</c> (5.x), or <c>name: {specifier, version}</c> (6.x and 9.x).</summary>
    private static IEnumerable<(string Name, string Reference)> Dependencies(YamlMappingNode owner, string[] groups, bool v6Style)
    {
        foreach (var group in groups)
        {
            if (LockfileYaml.Mapping(owner, group) is not { } map) continue;
            foreach (var (key, value) in map.Children)
            {
                var reference = value switch
                {
                    YamlScalarNode scalar => scalar.Value,
                    YamlMappingNode spec when v6Style => LockfileYaml.Scalar(spec, "version"),
                    _ => null,
                };
                if (key is YamlScalarNode { Value: { } name } && reference is not null) yield return (name, reference);
            }
        }
    }

    /// <summary>Lockfile 9: each snapshot's <c>name@version</c> and those of its dependencies and optionalDependencies.</summary>
    private static Dictionary<string, List<string>> Snapshots(YamlMappingNode document, string source)
    {
        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (LockfileYaml.Mapping(document, "snapshots") is not { } snapshots) return graph;
        foreach (var (keyNode, value) in snapshots.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || Snapshot(key, source, keyNode) is not { } id) continue;
            if (!graph.TryGetValue(id, out var edges)) graph[id] = edges = [];
            if (value is YamlMappingNode snapshot)
                edges.AddRange(Dependencies(snapshot, ProductionGroups, v6Style: false).Select(d => EdgeTarget(d.Name, d.Reference, pathStyle: false)).OfType<string>());
        }
        return graph;
    }

    /// <summary>Every <c>name@version</c> the importers' <paramref name="groups"/> reach through the snapshot graph.</summary>
    private static HashSet<string> Reachable(Dictionary<string, List<string>> graph, List<YamlMappingNode> importers, string[] groups)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(importers.SelectMany(i => Dependencies(i, groups, v6Style: true))
            .Select(d => EdgeTarget(d.Name, d.Reference, pathStyle: false)).OfType<string>());
        while (queue.Count > 0) // iterative, and each node once: cycles and depth cannot hurt
        {
            var id = queue.Dequeue();
            if (!reached.Add(id)) continue;
            if (graph.TryGetValue(id, out var edges)) foreach (var next in edges) queue.Enqueue(next);
        }
        return reached;
    }

    /// <summary>The <c>name@version</c> a package's dependency names; a reference that names none is no edge, not an error.</summary>
    private static string? EdgeTarget(string name, string reference, bool pathStyle)
    {
        try
        {
            return PnpmPackageKey.Reference(name, reference, pathStyle);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Snapshot(string key, string source, YamlNode node)
    {
        try
        {
            return PnpmPackageKey.Parse(key, pathStyle: false) is var (name, version) ? $"{name}@{version}" : null;
        }
        catch (FormatException e)
        {
            throw Error(source, node, e.Message);
        }
    }

    private static LockfileFormatException Error(string source, YamlNode node, string message) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, message);
}
