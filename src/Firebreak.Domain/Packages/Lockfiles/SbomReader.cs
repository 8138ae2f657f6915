using System.Text.Json;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>A component an SBOM names, with its package URL and, when the format says, its scope.</summary>
/// <param name="Purl">Package URL.</param>
/// <param name="Name">Name as the SBOM writes it.</param>
/// <param name="Excluded">CycloneDX <c>scope: excluded</c> (not shipped) or <c>optional</c>.</param>
public sealed record SbomComponent(PackageUrl Purl, string Name, bool Excluded);

/// <summary>
/// The JSON SBOM formats: CycloneDX (1.4–1.7: the subject in metadata.component and every component, nested ones included) and SPDX 2.3 (packages'
/// <c>PACKAGE-MANAGER purl</c> external references). Components without a valid purl are counted
/// in <c>skipped</c>, not failed. Errors name the JSON path. The dependency graph comes from CycloneDX
/// <c>dependencies[].ref/dependsOn</c> (and nesting: a component contains its nested ones), rooted at
/// <c>metadata.component</c>, and from SPDX <c>relationships</c> (<see cref="SpdxRelationships"/>).
/// </summary>
public static class SbomReader
{
    /// <summary>True when the JSON looks like a CycloneDX or SPDX document.</summary>
    public static bool LooksLikeSbom(string json) =>
        json.Contains("\"bomFormat\"", StringComparison.Ordinal) || json.Contains("\"spdxVersion\"", StringComparison.Ordinal);

    /// <summary>Reads the components; <paramref name="skipped"/> counts those without a usable purl.</summary>
    public static IReadOnlyList<SbomComponent> Read(string json, string source, out int skipped) => Read(json, source, out skipped, out _);

    /// <summary>Reads the components and the dependency graph (<see cref="DependencyGraph.Empty"/>-like when the document records no relationships).</summary>
    public static IReadOnlyList<SbomComponent> Read(string json, string source, out int skipped, out DependencyGraph graph)
    {
        skipped = 0;
        var builder = new DependencyGraphBuilder();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement;
            var components = new List<SbomComponent>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("bomFormat", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "CycloneDX")
            {
                // The BOM's subject (metadata.component) is checked too: a product's own advisories apply to it.
                if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
                    metadata.TryGetProperty("component", out var subject) && subject.ValueKind == JsonValueKind.Object)
                {
                    var key = Component(subject, "$.metadata.component", source, components, ref skipped, builder);
                    if (Str(subject, "bom-ref") is not null) builder.Root(key); // without a bom-ref nothing can depend on it: roots are then inferred
                }
                if (root.TryGetProperty("components", out var list)) CycloneDx(list, "$.components", null, source, components, ref skipped, builder);
                CycloneDxDependencies(root, builder);
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("spdxVersion", out _))
            {
                if (root.TryGetProperty("packages", out var packages)) Spdx(packages, source, components, ref skipped, builder);
                SpdxRelationships.Read(root, builder);
            }
            else throw new LockfileFormatException(source, 1, 1, "$: neither a CycloneDX (bomFormat) nor an SPDX (spdxVersion) JSON document.");
            graph = builder.Build();
            return components;
        }
        catch (JsonException e)
        {
            throw new LockfileFormatException(source, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"Not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static void CycloneDx(JsonElement list, string path, string? parent, string source, List<SbomComponent> components, ref int skipped, DependencyGraphBuilder graph)
    {
        if (list.ValueKind != JsonValueKind.Array) throw new LockfileFormatException(source, 0, 0, $"{path}: expected a list of components.");
        var i = 0;
        foreach (var c in list.EnumerateArray())
        {
            var key = Component(c, $"{path}[{i++}]", source, components, ref skipped, graph);
            if (parent is not null) graph.Edge(parent, key);
        }
    }

    /// <summary>Reads a component (and its nested ones) and returns its node's key: its bom-ref, else its JSON path.</summary>
    private static string Component(JsonElement c, string here, string source, List<SbomComponent> components, ref int skipped, DependencyGraphBuilder graph)
    {
        if (c.ValueKind != JsonValueKind.Object) throw new LockfileFormatException(source, 0, 0, $"{here}: expected a component object.");
        var scope = Str(c, "scope");
        PackageUrl? parsed = null;
        if (Str(c, "purl") is { } text && PackageUrl.TryParse(text, out var purl, out _))
        {
            parsed = purl;
            components.Add(new SbomComponent(purl, Str(c, "name") ?? purl.Name, scope is "excluded" or "optional"));
        }
        else skipped++;
        var key = Str(c, "bom-ref") is { Length: > 0 } reference ? "ref:" + reference : "at:" + here;
        graph.Node(key, Str(c, "name") ?? parsed?.Name ?? "", Str(c, "version") ?? parsed?.Version ?? "", parsed);
        if (c.TryGetProperty("components", out var nested)) CycloneDx(nested, here + ".components", key, source, components, ref skipped, graph);
        return key;
    }

    /// <summary>CycloneDX <c>dependencies</c>: each entry's <c>ref</c> depends on every <c>dependsOn</c>; malformed entries and unknown refs are skipped.</summary>
    private static void CycloneDxDependencies(JsonElement root, DependencyGraphBuilder graph)
    {
        if (!root.TryGetProperty("dependencies", out var dependencies) || dependencies.ValueKind != JsonValueKind.Array) return;
        foreach (var entry in dependencies.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || Str(entry, "ref") is not { } from) continue;
            if (!entry.TryGetProperty("dependsOn", out var targets) || targets.ValueKind != JsonValueKind.Array) continue;
            foreach (var target in targets.EnumerateArray())
                if (target.ValueKind == JsonValueKind.String) graph.Edge("ref:" + from, "ref:" + target.GetString());
        }
    }

    private static void Spdx(JsonElement packages, string source, List<SbomComponent> components, ref int skipped, DependencyGraphBuilder graph)
    {
        if (packages.ValueKind != JsonValueKind.Array) throw new LockfileFormatException(source, 0, 0, "$.packages: expected a list.");
        foreach (var p in packages.EnumerateArray())
        {
            var purl = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("externalRefs", out var refs) && refs.ValueKind == JsonValueKind.Array
                ? refs.EnumerateArray()
                    .Where(r => r.ValueKind == JsonValueKind.Object && Str(r, "referenceType") == "purl")
                    .Select(r => PackageUrl.TryParse(Str(r, "referenceLocator"), out var parsed, out _) ? parsed : null)
                    .FirstOrDefault(x => x is not null)
                : null;
            if (purl is null) skipped++;
            else components.Add(new SbomComponent(purl, (p.ValueKind == JsonValueKind.Object ? Str(p, "name") : null) ?? purl.Name, false));
            if (p.ValueKind == JsonValueKind.Object && Str(p, "SPDXID") is { } id)
                graph.Node(id, Str(p, "name") ?? purl?.Name ?? id, Str(p, "versionInfo") ?? purl?.Version ?? "", purl);
        }
    }

    internal static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
