using System.Text.Json;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// SPDX 2.3 relationships as dependency edges, each pointed from the package that pulls in to the one pulled in:
/// <c>DEPENDS_ON</c>, <c>CONTAINS</c> and <c>HAS_PREREQUISITE</c> as written; <c>DEPENDENCY_OF</c>, the <c>*_DEPENDENCY_OF</c> kinds (build, dev, optional, provided, runtime, test),
/// <c>CONTAINED_BY</c> and <c>PREREQUISITE_FOR</c> turned round. The roots are what the document describes
/// (<c>documentDescribes</c>, <c>DESCRIBES</c>, <c>DESCRIBED_BY</c>). Provenance kinds (<c>DESCENDANT_OF</c>,
/// <c>VARIANT_OF</c>, <c>GENERATED_FROM</c>…) say nothing about what is shipped with what and are ignored, as are
/// references to other documents and malformed entries.
/// </summary>
internal static class SpdxRelationships
{
    private static readonly string[] Forward = ["DEPENDS_ON", "CONTAINS", "HAS_PREREQUISITE"];
    private static readonly string[] Reverse =
    [
        "DEPENDENCY_OF", "BUILD_DEPENDENCY_OF", "DEV_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF", "PROVIDED_DEPENDENCY_OF",
        "RUNTIME_DEPENDENCY_OF", "TEST_DEPENDENCY_OF", "CONTAINED_BY", "PREREQUISITE_FOR",
    ];

    /// <summary>Adds the document's dependency relationships and described packages to <paramref name="graph"/>.</summary>
    public static void Read(JsonElement document, DependencyGraphBuilder graph)
    {
        var self = SbomReader.Str(document, "SPDXID") ?? "SPDXRef-DOCUMENT";
        if (document.TryGetProperty("documentDescribes", out var described) && described.ValueKind == JsonValueKind.Array)
            foreach (var id in described.EnumerateArray())
                if (id.ValueKind == JsonValueKind.String) graph.Root(id.GetString()!);
        if (!document.TryGetProperty("relationships", out var relationships) || relationships.ValueKind != JsonValueKind.Array) return;
        foreach (var r in relationships.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object) continue;
            if (SbomReader.Str(r, "spdxElementId") is not { } from || SbomReader.Str(r, "relatedSpdxElement") is not { } to || SbomReader.Str(r, "relationshipType") is not { } type) continue;
            if (type == "DESCRIBES" && from == self) graph.Root(to);
            else if (type == "DESCRIBED_BY" && to == self) graph.Root(from);
            else if (Forward.Contains(type)) graph.Edge(from, to);
            else if (Reverse.Contains(type)) graph.Edge(to, from);
        }
    }
}
