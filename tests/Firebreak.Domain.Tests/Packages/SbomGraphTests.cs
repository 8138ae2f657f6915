using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

public class SbomGraphTests
{
    private static DependencyGraph Graph(string json)
    {
        SbomReader.Read(json, "bom.json", out _, out var graph);
        return graph;
    }

    private static DependencyGraph Fixture(string relative)
    {
        var path = ConformanceData.Require("lockfiles/" + relative);
        return Graph(File.ReadAllText(path));
    }

    private static List<string> Path(DependencyGraph graph, string purl) => [.. graph.PathTo(PackageUrl.Parse(purl)).Select(n => n.Step)];

    [Fact]
    public void CycloneDx_MetadataComponent_IsTheRoot()
    {
        var graph = Fixture("sbom-cdx/minimal.cdx.json");
        Assert.Equal(["fooBar 1.2.3"], graph.Roots.Select(n => n.Step));
        Assert.Equal(["fooBar 1.2.3"], Path(graph, "pkg:maven/com.example.group/fooBar@1.2.3?project_path=%3A"));
        Assert.Equal(0, graph.EdgeCount); // its one dependencies entry depends on nothing
    }

    [Fact]
    public void CycloneDx_NestedComponents_AreContainedByTheirParent()
    {
        var graph = Fixture("sbom-cdx/sbom-with-nested-comps.cdx.json");
        var path = graph.PathTo(PackageUrl.Parse("pkg:cargo/rustls@0.23.13"));
        Assert.Equal(["Nginx 1.21.1", "rustls 0.23.13"], path.Select(n => n.Step));
        Assert.Null(path[0].Purl); // Nginx has only a CPE
        Assert.Equal(["openssl 1.1.1", "Nginx 1.21.1"], graph.Roots.Select(n => n.Step)); // no metadata.component: what nothing contains
    }

    [Fact]
    public void CycloneDx_DependsOn_WithCyclesSelfEdgesAndUnknownRefs()
    {
        const string json = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6",
             "metadata": {"component": {"bom-ref": "app", "name": "app", "version": "2.0.0", "type": "application"}},
             "components": [
               {"bom-ref": "express", "name": "express", "version": "4.17.1", "purl": "pkg:npm/express@4.17.1"},
               {"bom-ref": "qs", "name": "qs", "version": "6.7.0", "purl": "pkg:npm/qs@6.7.0"},
               {"bom-ref": "side", "name": "side-channel", "version": "1.0.4", "purl": "pkg:npm/side-channel@1.0.4"}
             ],
             "dependencies": [
               {"ref": "app", "dependsOn": ["express", "ghost"]},
               {"ref": "express", "dependsOn": ["qs", "express", 7]},
               {"ref": "qs", "dependsOn": ["side", "express"]},
               {"ref": "ghost", "dependsOn": ["qs"]},
               "not an object",
               {"dependsOn": ["qs"]}
             ]}
            """;
        var graph = Graph(json);
        Assert.Equal(["app 2.0.0"], graph.Roots.Select(n => n.Step));
        Assert.Equal(["app 2.0.0", "express 4.17.1", "qs 6.7.0", "side-channel 1.0.4"], Path(graph, "pkg:npm/side-channel@1.0.4"));
        Assert.Equal(4, graph.EdgeCount); // app→express, express→qs, qs→side, qs→express; the self-edge, the number and the ghost's are dropped
    }

    [Fact]
    public void Spdx_DocumentDescribes_AreTheRoots()
    {
        var graph = Fixture("sbom-spdx/sbom.spdx.json");
        Assert.Equal(["Nginx", "openssl 1.1.1l"], graph.Roots.Select(n => n.Step));
    }

    [Fact]
    public void Spdx_ProvenanceRelationships_AreNoDependencies()
    {
        var graph = Fixture("sbom-spdx/multi_descendant.spdx.json");
        Assert.Equal(0, graph.EdgeCount); // DESCENDANT_OF says where a package came from, not what it ships
        Assert.Equal(["pkg 5.0"], Path(graph, "pkg:generic/google/pkg@5.0"));
    }

    [Fact]
    public void Spdx_DependencyRelationships_BothDirections()
    {
        const string json = """
            {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT",
             "packages": [
               {"SPDXID": "SPDXRef-app", "name": "app", "versionInfo": "1.0"},
               {"SPDXID": "SPDXRef-flask", "name": "flask", "versionInfo": "2.0.0", "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:pypi/flask@2.0.0"}]},
               {"SPDXID": "SPDXRef-jinja", "name": "jinja2", "versionInfo": "3.0.0", "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:pypi/jinja2@3.0.0"}]},
               {"SPDXID": "SPDXRef-markupsafe", "name": "markupsafe", "versionInfo": "2.0.0", "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:pypi/markupsafe@2.0.0"}]}
             ],
             "relationships": [
               {"spdxElementId": "SPDXRef-DOCUMENT", "relatedSpdxElement": "SPDXRef-app", "relationshipType": "DESCRIBES"},
               {"spdxElementId": "SPDXRef-app", "relatedSpdxElement": "SPDXRef-flask", "relationshipType": "DEPENDS_ON"},
               {"spdxElementId": "SPDXRef-jinja", "relatedSpdxElement": "SPDXRef-flask", "relationshipType": "RUNTIME_DEPENDENCY_OF"},
               {"spdxElementId": "SPDXRef-jinja", "relatedSpdxElement": "SPDXRef-markupsafe", "relationshipType": "CONTAINS"},
               {"spdxElementId": "SPDXRef-markupsafe", "relatedSpdxElement": "SPDXRef-app", "relationshipType": "GENERATED_FROM"},
               {"spdxElementId": "SPDXRef-jinja", "relatedSpdxElement": "DocumentRef-other:SPDXRef-x", "relationshipType": "DEPENDS_ON"},
               {"spdxElementId": "SPDXRef-flask", "relationshipType": "DEPENDS_ON"},
               42
             ]}
            """;
        var graph = Graph(json);
        Assert.Equal(["app 1.0"], graph.Roots.Select(n => n.Step));
        Assert.Equal(["app 1.0", "flask 2.0.0", "jinja2 3.0.0", "markupsafe 2.0.0"], Path(graph, "pkg:pypi/markupsafe@2.0.0"));
        Assert.Equal(3, graph.EdgeCount);
    }
}
