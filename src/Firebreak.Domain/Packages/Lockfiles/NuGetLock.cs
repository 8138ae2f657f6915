using System.Text.Json;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// NuGet's packages.lock.json: one <c>dependencies</c> map per target framework (and runtime), each package
/// with its <c>type</c>. Direct packages are the project's own references; Transitive and CentralTransitive
/// ones come through others; Project entries are sibling projects, not packages, and are left out.
/// Errors name the JSON path (System.Text.Json gives no positions for values). The graph: each package's
/// <c>dependencies</c> name packages of the same target framework; Direct packages and Project entries (the project's
/// references, kept as nodes without a purl so chains through a sibling project hold) are the roots.
/// </summary>
public static class NuGetLock
{
    /// <summary>Reads the locked packages of every target framework, in file order (a package may repeat per framework).</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string json, string source) => Parse(json, source, null);

    /// <summary>Reads the locked packages and, into <paramref name="graph"/>, who depends on whom in every target framework.</summary>
    internal static IReadOnlyList<LockfileComponent> Parse(string json, string source, DependencyGraphBuilder? graph)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Error(source, "$: expected a packages.lock.json object.");
            if (!root.TryGetProperty("dependencies", out var frameworks)) return [];
            if (frameworks.ValueKind != JsonValueKind.Object) throw Error(source, "$.dependencies: expected an object keyed by target framework.");
            var components = new List<LockfileComponent>();
            foreach (var framework in frameworks.EnumerateObject())
            {
                var here = $"$.dependencies['{framework.Name}']";
                if (framework.Value.ValueKind != JsonValueKind.Object) throw Error(source, $"{here}: expected an object keyed by package name.");
                var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // package ids are case-insensitive
                foreach (var package in framework.Value.EnumerateObject())
                {
                    var component = Read(package, $"{here}['{package.Name}']", source);
                    if (component is not null) components.Add(component);
                    if (graph is null) continue;
                    var key = component?.Purl.ToString() ?? "project:" + package.Name.ToUpperInvariant();
                    keys.TryAdd(package.Name, key);
                    graph.Node(key, package.Name, component?.Purl.Version ?? "", component?.Purl);
                    if (component is not { Direct: false }) graph.Root(key); // Direct, or a project reference
                }
                if (graph is not null) Edges(framework.Value, keys, graph);
            }
            return components;
        }
        catch (JsonException e)
        {
            throw new LockfileFormatException(source, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"Not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static LockfileComponent? Read(JsonProperty package, string path, string source)
    {
        if (package.Value.ValueKind != JsonValueKind.Object) throw Error(source, $"{path}: expected an object.");
        var type = Str(package.Value, "type");
        bool direct = type switch
        {
            "Direct" => true,
            "Transitive" or "CentralTransitive" => false,
            "Project" => false,
            null => throw Error(source, $"{path}: has no 'type'."),
            _ => throw Error(source, $"{path}.type: '{type}' is not Direct, Transitive, CentralTransitive or Project."),
        };
        if (type == "Project") return null;
        var version = Str(package.Value, "resolved");
        if (string.IsNullOrWhiteSpace(version)) throw Error(source, $"{path}: has no 'resolved' version.");
        try
        {
            return new LockfileComponent(PackageUrl.Create("nuget", null, package.Name, version, null, null), direct, Development: false);
        }
        catch (PackageUrlFormatException e)
        {
            throw Error(source, $"{path}: '{package.Name}@{version}' is not a valid NuGet package: {e.Message}");
        }
    }

    private static void Edges(JsonElement framework, Dictionary<string, string> keys, DependencyGraphBuilder graph)
    {
        foreach (var package in framework.EnumerateObject())
        {
            if (!keys.TryGetValue(package.Name, out var from) || !package.Value.TryGetProperty("dependencies", out var dependencies) || dependencies.ValueKind != JsonValueKind.Object) continue;
            foreach (var dependency in dependencies.EnumerateObject())
                if (keys.TryGetValue(dependency.Name, out var to)) graph.Edge(from, to);
        }
    }

    private static LockfileFormatException Error(string source, string message) => new(source, 0, 0, message);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
