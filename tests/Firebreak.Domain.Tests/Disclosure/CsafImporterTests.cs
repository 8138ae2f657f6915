using System.Text.Json.Nodes;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>The importer's mappings on the worked advisory, and its refusal of malformed and hostile documents.</summary>
public sealed class CsafImporterTests
{
    [Fact]
    public void Import_WorkedAdvisoryExport_KeepsWhatCsafCarries()
    {
        var advisory = WorkedAdvisory.Create();
        var imported = Assert.Single(CsafImporter.Import(CsafExporter.Write(advisory, vex: true)));
        Assert.Equal((advisory.Id, advisory.CveId, advisory.GhsaId, advisory.Summary), (imported.Id, imported.CveId, imported.GhsaId, imported.Summary));
        Assert.Equal(advisory.Cwes[0].Label, Assert.Single(imported.Cwes).Label);
        Assert.Equal(advisory.Cvss3!.Vector, imported.Cvss3!.Vector);
        Assert.Equal(advisory.Revisions.Select(r => r.Number), imported.Revisions.Select(r => r.Number));
        Assert.Equal(advisory.PublicCredits.Select(c => (c.Type, c.Name)), imported.Credits.Select(c => (c.Type, c.Name)));
        var portal = imported.Affected[0];
        Assert.Equal("@firebreak/portal", portal.Package.Name);
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "1.0.0"), new RangeEvent(RangeEventKind.Fixed, "1.4.2")], portal.Ranges[0].Events);
        Assert.Equal(advisory.Unaffected.Select(u => u.Justification), imported.Unaffected.Select(u => u.Justification));
    }

    [Theory]
    [InlineData("vers:generic/>=2.9|<=4.1", "Introduced 2.9, LastAffected 4.1")]
    [InlineData("vers:semver/<1.4.2", "Introduced 0, Fixed 1.4.2")]
    [InlineData("vers:all/*", "Introduced 0")]
    [InlineData("vers:generic/<1.0|<=2.0", "Introduced 0, LastAffected 2.0")]
    [InlineData("vers:npm/<1.4.2|>=1.0.0 | >= 2.0.0", "Introduced 1.0.0, Fixed 1.4.2, Introduced 2.0.0")]
    [InlineData("vers:npm/>=1.0.0|!=1.2.0|<2.0.0", "Introduced 1.0.0, Fixed 1.2.0, Introduced 1.2.1-0, Fixed 2.0.0")]
    [InlineData("vers:npm/1.2.3", "Introduced 1.2.3, LastAffected 1.2.3")]
    [InlineData("vers:npm/>1.2.3", "Introduced 1.2.4-0")]
    public void CsafVersRange_Read_ReadsEvents(string vers, string events)
    {
        var range = CsafVersRange.Read(vers)!;
        Assert.Equal(events, string.Join(", ", range.Events.Select(e => $"{e.Kind} {e.Version}")));
    }

    [Theory]
    [InlineData("<=1.14.0")]
    [InlineData("vers:generic/>2.0")]
    [InlineData("vers:generic/>=1.0|!=1.2|<2.0")]
    [InlineData("vers:none/*")]
    [InlineData("vers:npm/>=1.0.0|<1.0.0")]
    public void CsafVersRange_Read_RefusesWhatTheModelCannotHold(string text) => Assert.Null(CsafVersRange.Read(text));

    [Fact]
    public void Import_TrackingIdNotAString_ThrowsWithPath()
    {
        var error = Assert.Throws<CsafFormatException>(() => Import(d => d["document"]!["tracking"]!["id"] = 42));
        Assert.Equal("$.document.tracking.id", error.JsonPath);
    }

    [Fact]
    public void Import_UndefinedProductId_ThrowsWithPath()
    {
        var error = Assert.Throws<CsafFormatException>(() => Import(d => d["vulnerabilities"]![0]!["product_status"]!["fixed"]!.AsArray().Add("CSAFPID-9999")));
        Assert.StartsWith("$.vulnerabilities[0].product_status.fixed", error.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MalformedRelationship_ThrowsInsteadOfCrashing()
    {
        var error = Assert.Throws<CsafFormatException>(() => Import(d => d["product_tree"]!["relationships"] = new JsonArray(new JsonObject { ["full_product_name"] = new JsonObject { ["name"] = "x" } })));
        Assert.StartsWith("$.product_tree", error.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DeeplyNestedDocument_IsRefused()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        Assert.Throws<CsafFormatException>(() => CsafImporter.Import(json));
    }

    [Fact]
    public void Import_OversizedDocument_IsRefused() =>
        Assert.Throws<CsafFormatException>(() => CsafImporter.Import(new string(' ', CsafImporter.MaxLength + 1)));

    [Fact]
    public void Import_NotJson_ThrowsFormatException() => Assert.Throws<CsafFormatException>(() => CsafImporter.Import("{\"document\": "));

    [Fact]
    public void Import_ModelRefusesValue_ReportsWhere()
    {
        var error = Assert.Throws<CsafFormatException>(() => Import(d => d["document"]!["tracking"]!["id"] = "has spaces in it"));
        Assert.Equal("$.document.tracking.id", error.JsonPath);
    }

    private static void Import(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(CsafExporter.Write(WorkedAdvisory.Create(), vex: true))!;
        change(document);
        CsafImporter.Import(document.ToJsonString());
    }
}
