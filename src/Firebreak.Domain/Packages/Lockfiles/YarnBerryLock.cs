using YamlDotNet.RepresentationModel;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// yarn.lock from Yarn 2 and later: YAML whose keys are comma-separated descriptors and whose <c>resolution</c>
/// says what was installed (<c>name@npm:1.2.3</c>). Only <c>npm:</c> resolutions are registry packages; workspaces
/// (<c>@workspace:</c>, version <c>0.0.0-use.local</c>), <c>file:</c>, <c>link:</c>, <c>patch:</c> (the unpatched
/// package is an entry of its own) and git resolutions are left out. The workspaces' own <c>dependencies</c> say
/// which packages are direct; Yarn merges devDependencies into them, so nothing is marked development. The graph
/// follows each entry's <c>dependencies</c> through the descriptors entries are keyed by; the workspaces' dependencies
/// are its roots, and entries left out as components stay in it as nodes without a purl (a <c>patch:</c> of a registry
/// package keeps that package's purl), so chains through them hold.
/// </summary>
public static class YarnBerryLock
{
    /// <summary>Reads a Yarn 2+ lockfile.</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string text, string source) => Parse(text, source, null);

    /// <summary>Reads a Yarn 2+ lockfile and, into <paramref name="graph"/>, who depends on whom.</summary>
    internal static IReadOnlyList<LockfileComponent> Parse(string text, string source, DependencyGraphBuilder? graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = LockfileYaml.Load(text, source);
        if (root is null) return [];
        if (root is not YamlMappingNode entries) throw new LockfileFormatException(source, (int)root.Start.Line, (int)root.Start.Column, "A yarn.lock is a mapping of descriptors to entries.");
        var packages = new List<(string[] Descriptors, string Name, string Version, YamlNode Node)>();
        var direct = new HashSet<string>(StringComparer.Ordinal);
        var directInOrder = new List<string>();
        var nodes = new List<(string[] Descriptors, string Name, string Version, string Locator, List<string> Dependencies)>();
        var hasWorkspaces = false;
        foreach (var (key, value) in entries.Children)
        {
            if (key is not YamlScalarNode { Value: { } header }) throw Error(source, key, "An entry's key must be its descriptors.");
            if (header == "__metadata") continue;
            if (value is not YamlMappingNode entry) throw Error(source, value, $"The entry for '{header}' must be a mapping.");
            var resolution = LockfileYaml.Scalar(entry, "resolution") ?? throw Error(source, entry, $"The entry for '{header}' has no resolution.");
            var version = LockfileYaml.Scalar(entry, "version") ?? throw Error(source, entry, $"The entry for '{header}' has no version.");
            if (resolution.Contains("@workspace:", StringComparison.Ordinal) || version == "0.0.0-use.local")
            {
                hasWorkspaces = true;
                foreach (var descriptor in Dependencies(entry))
                    if (direct.Add(descriptor)) directInOrder.Add(descriptor);
                continue;
            }
            var (name, locator) = NpmDescriptor.Split(resolution);
            var descriptors = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (graph is not null && descriptors.Length > 0) nodes.Add((descriptors, name, version, locator, [.. Dependencies(entry)]));
            if (!locator.StartsWith("npm:", StringComparison.Ordinal)) continue;
            packages.Add((descriptors, name, version, value));
        }
        var components = new List<LockfileComponent>();
        foreach (var (descriptors, name, version, node) in packages)
        {
            try
            {
                bool? isDirect = hasWorkspaces ? descriptors.Any(direct.Contains) : null;
                components.Add(new LockfileComponent(NpmDescriptor.Purl(name, version), isDirect, Development: false));
            }
            catch (PackageUrlFormatException e)
            {
                throw Error(source, node, $"'{name}@{version}' is not a valid npm package: {e.Message}");
            }
        }
        if (graph is not null) Fill(graph, nodes, directInOrder);
        return components;
    }

    private static void Fill(DependencyGraphBuilder graph, List<(string[] Descriptors, string Name, string Version, string Locator, List<string> Dependencies)> nodes, List<string> direct)
    {
        var byDescriptor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (descriptors, name, version, locator, _) in nodes)
        {
            // A patch of a registry package (patch:name@npm%3A1.2.3#…) installs that version, patched; the rest have no purl.
            var registry = locator.StartsWith("npm:", StringComparison.Ordinal) || locator.StartsWith("patch:", StringComparison.Ordinal) && locator.Contains("@npm%3A", StringComparison.Ordinal);
            graph.Node(descriptors[0], name, version, registry && Purl(name, version) is { } purl ? purl : null);
            foreach (var descriptor in descriptors) byDescriptor.TryAdd(descriptor, descriptors[0]);
        }
        foreach (var descriptor in direct)
            if (byDescriptor.TryGetValue(descriptor, out var root)) graph.Root(root);
        foreach (var (descriptors, _, _, _, dependencies) in nodes)
            foreach (var dependency in dependencies)
                if (byDescriptor.TryGetValue(dependency, out var target)) graph.Edge(descriptors[0], target);
    }

    private static PackageUrl? Purl(string name, string version)
    {
        try
        {
            return NpmDescriptor.Purl(name, version);
        }
        catch (PackageUrlFormatException)
        {
            return null; // only a component's purl is an error (above); a node without one still carries a path
        }
    }

    /// <summary>A workspace's dependencies as the descriptors their entries are keyed by (older locks omit the <c>npm:</c> of plain ranges).</summary>
    private static IEnumerable<string> Dependencies(YamlMappingNode workspace)
    {
        if (LockfileYaml.Mapping(workspace, "dependencies") is not { } dependencies) yield break;
        foreach (var (key, value) in dependencies.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlScalarNode { Value: { } range }) continue;
            yield return range.Contains(':', StringComparison.Ordinal) ? $"{name}@{range}" : $"{name}@npm:{range}";
        }
    }

    private static LockfileFormatException Error(string source, YamlNode node, string message) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, message);
}
