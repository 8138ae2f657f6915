using System.Text.Json;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// The install tree of a package-lock.json, keyed by install path, and the dependency names each entry asks for
/// (<c>requires</c> in lockfile 1; <c>dependencies</c>, <c>optionalDependencies</c>, <c>peerDependencies</c> and, for
/// the project, <c>devDependencies</c> in 2 and 3). A name asked for by the package at <c>node_modules/a</c> is the
/// nearest of <c>node_modules/a/node_modules/name</c>, then each enclosing folder's <c>node_modules/name</c> up to the
/// top, as Node's resolution finds it. The root project and workspace folders are the projects: what they ask for
/// are the roots. Lockfile 1 records no project entry, so its roots are the packages nothing depends on.
/// </summary>
internal sealed class NpmInstallGraph
{
    private static readonly string[] Groups = ["requires", "dependencies", "optionalDependencies", "peerDependencies", "devDependencies"];
    private readonly Dictionary<string, (List<string> Names, bool Project)> _entries = new(StringComparer.Ordinal);

    /// <summary>Records an entry of the lockfile (a package, a link, the project or a workspace folder).</summary>
    public void Install(string path, JsonElement entry, bool project)
    {
        if (entry.ValueKind != JsonValueKind.Object || _entries.ContainsKey(path)) return;
        var names = new List<string>();
        foreach (var group in Groups)
        {
            if (!entry.TryGetProperty(group, out var map) || map.ValueKind != JsonValueKind.Object) continue;
            foreach (var dependency in map.EnumerateObject())
                if (dependency.Value.ValueKind == JsonValueKind.String) names.Add(dependency.Name); // lockfile 1's nested 'dependencies' are objects: the tree, not names
        }
        _entries[path] = (names, project);
    }

    /// <summary>Adds the components as nodes (by install path) and the resolved edges and roots.</summary>
    public void Fill(DependencyGraphBuilder graph, IReadOnlyList<NpmComponent> components)
    {
        foreach (var component in components)
            graph.Node(component.InstallPath, Label(component.Purl), component.Purl.Version ?? "", component.Purl);
        foreach (var (path, (names, project)) in _entries)
        {
            foreach (var name in names)
            {
                if (Resolve(path, name) is not { } target) continue;
                if (project) graph.Root(target);
                else graph.Edge(path, target);
            }
        }
    }

    /// <summary>The nearest install of <paramref name="name"/> seen from the entry at <paramref name="from"/>; null when none is locked.</summary>
    public string? Resolve(string from, string name)
    {
        var folder = from;
        while (true)
        {
            var candidate = folder.Length == 0 ? "node_modules/" + name : folder + "/node_modules/" + name;
            if (_entries.ContainsKey(candidate)) return candidate;
            if (folder.Length == 0) return null;
            var cut = folder.LastIndexOf("/node_modules/", StringComparison.Ordinal);
            folder = cut < 0 ? "" : folder[..cut];
        }
    }

    /// <summary>The npm name: <c>@scope/name</c> for scoped packages.</summary>
    internal static string Label(PackageUrl purl) => purl.Namespace is { } scope ? $"{scope}/{purl.Name}" : purl.Name;
}
