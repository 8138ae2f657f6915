using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Disclosure.Formats;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>
/// One case per CSAF 2.0 mandatory test (section 6.1), written from the specification's text: a valid document, and a
/// change that breaks exactly the test, which must then be reported with its number at its JSON path.
/// </summary>
public sealed class CsafMandatoryTestsTests
{
    private const string Valid = """
        {
          "document": {
            "category": "csaf_security_advisory", "csaf_version": "2.0", "lang": "en", "title": "Example",
            "publisher": { "category": "vendor", "name": "Example", "namespace": "https://example.com" },
            "notes": [ { "category": "summary", "text": "Text." } ],
            "tracking": {
              "id": "EX-1", "status": "final", "version": "2",
              "initial_release_date": "2024-01-01T00:00:00Z", "current_release_date": "2024-02-01T00:00:00Z",
              "revision_history": [ { "date": "2024-01-01T00:00:00Z", "number": "1", "summary": "First." }, { "date": "2024-02-01T00:00:00Z", "number": "2", "summary": "Second." } ]
            }
          },
          "product_tree": {
            "branches": [ { "category": "vendor", "name": "Example", "branches": [ { "category": "product_name", "name": "Widget", "branches": [
              { "category": "product_version", "name": "1.0", "product": { "name": "Widget 1.0", "product_id": "P1", "product_identification_helper": { "purl": "pkg:npm/widget@1.0" } } },
              { "category": "product_version", "name": "2.0", "product": { "name": "Widget 2.0", "product_id": "P2" } } ] } ] } ],
            "product_groups": [ { "group_id": "G1", "product_ids": [ "P1", "P2" ] } ]
          },
          "vulnerabilities": [ {
            "cve": "CVE-2024-0001", "cwe": { "id": "CWE-79", "name": "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')" },
            "notes": [ { "category": "description", "text": "Text." } ],
            "product_status": { "known_affected": [ "P1" ], "fixed": [ "P2" ] },
            "remediations": [ { "category": "vendor_fix", "details": "Update.", "product_ids": [ "P1" ] } ],
            "scores": [ { "products": [ "P1" ], "cvss_v3": { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL" } } ]
          } ]
        }
        """;

    private static IReadOnlyList<AdvisoryIssue> Validate(Action<JsonNode>? change = null)
    {
        var node = JsonNode.Parse(Valid)!;
        change?.Invoke(node);
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return CsafValidator.Validate(doc.RootElement);
    }

    private static JsonNode V(JsonNode n) => n["vulnerabilities"]![0]!;

    [Fact]
    public void Validate_TheBaseDocument_PassesEveryMandatoryTest() => Assert.DoesNotContain(Validate(), i => i.IsError);

    public static TheoryData<string, string, Action<JsonNode>> Breaches() => new()
    {
        { "6.1.1", "$.product_tree.product_groups[0].product_ids[1]", n => n["product_tree"]!["product_groups"]![0]!["product_ids"]![1] = "P9" },
        { "6.1.2", "$.product_tree.full_product_names[0].product_id", n => n["product_tree"]!["full_product_names"] = new JsonArray(new JsonObject { ["name"] = "Again", ["product_id"] = "P1" }) },
        { "6.1.3", "$.product_tree.relationships[0].full_product_name.product_id", n => n["product_tree"]!["relationships"] = new JsonArray(new JsonObject { ["category"] = "installed_on", ["product_reference"] = "P3", ["relates_to_product_reference"] = "P1", ["full_product_name"] = new JsonObject { ["name"] = "Loop", ["product_id"] = "P3" } }) },
        { "6.1.4", "$.vulnerabilities[0].remediations[0].group_ids[0]", n => V(n)["remediations"]![0]!["group_ids"] = new JsonArray("G9") },
        { "6.1.5", "$.product_tree.product_groups[1].group_id", n => n["product_tree"]!["product_groups"]!.AsArray().Add(new JsonObject { ["group_id"] = "G1", ["product_ids"] = new JsonArray("P1", "P2") }) },
        { "6.1.6", "$.vulnerabilities[0].product_status.known_not_affected[0]", n => V(n)["product_status"]!["known_not_affected"] = new JsonArray("P1") },
        { "6.1.7", "$.vulnerabilities[0].scores[1].products[0]", n => V(n)["scores"]!.AsArray().Add(JsonNode.Parse(V(n)["scores"]![0]!.ToJsonString())) },
        { "6.1.8", "$.vulnerabilities[0].scores[0].cvss_v3.attackVector", n => V(n)["scores"]![0]!["cvss_v3"]!["attackVector"] = "NEARBY" },
        { "6.1.9", "$.vulnerabilities[0].scores[0].cvss_v3.baseScore", n => V(n)["scores"]![0]!["cvss_v3"]!["baseScore"] = 9.1 },
        { "6.1.10", "$.vulnerabilities[0].scores[0].cvss_v3.attackVector", n => V(n)["scores"]![0]!["cvss_v3"]!["attackVector"] = "LOCAL" },
        { "6.1.11", "$.vulnerabilities[0].cwe.name", n => V(n)["cwe"]!["name"] = "Cross-site scripting" },
        { "6.1.12", "$.document.lang", n => n["document"]!["lang"] = "qq" },
        { "6.1.13", "$.product_tree.branches[0].branches[0].branches[0].product.product_identification_helper.purl", n => n["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![0]!["product"]!["product_identification_helper"]!["purl"] = "pkg:npm/wid%2" },
        { "6.1.14", "$.document.tracking.revision_history", n => n["document"]!["tracking"]!["revision_history"]![0]!["date"] = "2024-03-01T00:00:00Z" },
        { "6.1.15", "$.document.source_lang", n => n["document"]!["publisher"]!["category"] = "translator" },
        { "6.1.16", "$.document.tracking.version", n => n["document"]!["tracking"]!["version"] = "3" },
        { "6.1.17", "$.document.tracking.version", n => { n["document"]!["tracking"]!["version"] = "0"; n["document"]!["tracking"]!["revision_history"] = JsonNode.Parse("""[{"date": "2024-01-01T00:00:00Z", "number": "0", "summary": "Draft."}]"""); } },
        { "6.1.18", "$.document.tracking.revision_history[0].number", n => { n["document"]!["tracking"]!["revision_history"]![0]!["number"] = "0"; n["document"]!["tracking"]!["revision_history"]![1]!["number"] = "1"; n["document"]!["tracking"]!["version"] = "1"; } },
        { "6.1.19", "$.document.tracking.revision_history[0].number", n => { n["document"]!["tracking"]!["revision_history"]![0]!["number"] = "1.0.0-rc.1"; n["document"]!["tracking"]!["revision_history"]![1]!["number"] = "1.0.0"; n["document"]!["tracking"]!["version"] = "1.0.0"; } },
        { "6.1.20", "$.document.tracking.version", n => { n["document"]!["tracking"]!["version"] = "1.0.0-rc.1"; n["document"]!["tracking"]!["revision_history"] = JsonNode.Parse("""[{"date": "2024-01-01T00:00:00Z", "number": "1.0.0-rc.1", "summary": "x"}]"""); } },
        { "6.1.21", "$.document.tracking.revision_history", n => { n["document"]!["tracking"]!["revision_history"]![1]!["number"] = "3"; n["document"]!["tracking"]!["version"] = "3"; } },
        { "6.1.22", "$.document.tracking.revision_history[1].number", n => { n["document"]!["tracking"]!["revision_history"]![1]!["number"] = "1"; n["document"]!["tracking"]!["version"] = "1"; } },
        { "6.1.23", "$.vulnerabilities[1].cve", n => n["vulnerabilities"]!.AsArray().Add(JsonNode.Parse(V(n).ToJsonString())) },
        { "6.1.24", "$.vulnerabilities[0].involvements[1]", n => V(n)["involvements"] = JsonNode.Parse("""[{"party": "vendor", "status": "completed", "date": "2024-01-01T00:00:00Z"}, {"party": "vendor", "status": "open", "date": "2024-01-01T00:00:00Z"}]""") },
        { "6.1.25", "$.product_tree.full_product_names[0].product_identification_helper.hashes[0].file_hashes[1].algorithm", n => n["product_tree"]!["full_product_names"] = JsonNode.Parse("""[{"name": "Blob", "product_id": "P4", "product_identification_helper": {"hashes": [{"filename": "a", "file_hashes": [{"algorithm": "sha256", "value": "0000000000000000000000000000000000000000000000000000000000000000"}, {"algorithm": "sha256", "value": "1111111111111111111111111111111111111111111111111111111111111111"}]}]}}]""") },
        { "6.1.26", "$.document.category", n => n["document"]!["category"] = "Security_Advisory" },
        { "6.1.27.1", "$.document.notes", n => { n["document"]!["category"] = "csaf_informational_advisory"; n["document"]!["notes"] = JsonNode.Parse("""[{"category": "legal_disclaimer", "text": "x"}]"""); n.AsObject().Remove("vulnerabilities"); } },
        { "6.1.27.2", "$.document.references", n => { n["document"]!["category"] = "csaf_informational_advisory"; n.AsObject().Remove("vulnerabilities"); } },
        { "6.1.27.3", "$.vulnerabilities", n => n["document"]!["category"] = "csaf_informational_advisory" },
        { "6.1.27.4", "$.product_tree", n => { n.AsObject().Remove("product_tree"); V(n).AsObject().Remove("remediations"); V(n).AsObject().Remove("scores"); V(n).AsObject().Remove("product_status"); } },
        { "6.1.27.5", "$.vulnerabilities[0].notes", n => V(n).AsObject().Remove("notes") },
        { "6.1.27.6", "$.vulnerabilities[0].product_status", n => V(n).AsObject().Remove("product_status") },
        { "6.1.27.7", "$.vulnerabilities[0].product_status", n => { n["document"]!["category"] = "csaf_vex"; V(n)["product_status"] = JsonNode.Parse("""{"first_affected": ["P1"]}"""); } },
        { "6.1.27.8", "$.vulnerabilities[0]", n => { n["document"]!["category"] = "csaf_vex"; V(n).AsObject().Remove("cve"); } },
        { "6.1.27.9", "$.vulnerabilities[0].product_status.known_not_affected[0]", n => { n["document"]!["category"] = "csaf_vex"; V(n)["product_status"] = JsonNode.Parse("""{"known_not_affected": ["P2"], "known_affected": ["P1"]}"""); } },
        { "6.1.27.10", "$.vulnerabilities[0].product_status.known_affected[0]", n => { n["document"]!["category"] = "csaf_vex"; V(n).AsObject().Remove("remediations"); } },
        { "6.1.27.11", "$.vulnerabilities", n => n.AsObject().Remove("vulnerabilities") },
        { "6.1.28", "$.document.source_lang", n => n["document"]!["source_lang"] = "EN" },
        { "6.1.29", "$.vulnerabilities[0].remediations[1]", n => V(n)["remediations"]!.AsArray().Add(new JsonObject { ["category"] = "workaround", ["details"] = "Wait." }) },
        { "6.1.30", "$.document.tracking.revision_history[0].number", n => { n["document"]!["tracking"]!["revision_history"]![1]!["number"] = "2.0.0"; n["document"]!["tracking"]!["version"] = "2.0.0"; } },
        { "6.1.31", "$.product_tree.branches[0].branches[0].branches[1].name", n => n["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![1]!["name"] = "<=2.0" },
        { "6.1.32", "$.vulnerabilities[0].flags[0]", n => V(n)["flags"] = JsonNode.Parse("""[{"label": "component_not_present"}]""") },
        { "6.1.33", "$.vulnerabilities[0].flags[1]", n => { V(n)["product_status"]!["known_not_affected"] = new JsonArray("P2"); V(n)["product_status"]!.AsObject().Remove("fixed"); V(n)["flags"] = JsonNode.Parse("""[{"label": "component_not_present", "product_ids": ["P2"]}, {"label": "inline_mitigations_already_exist", "group_ids": ["G1"]}]"""); } },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void Validate_BreachOfOneMandatoryTest_IsAnErrorWithItsNumberAndPath(string test, string path, Action<JsonNode> change)
    {
        var issues = Validate(change);
        Assert.Contains(issues, i => i.IsError && i.Path == path && i.Message.Contains($"({test})", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("6.2.10", "$.document.distribution")]
    [InlineData("6.2.11", "$.document.references")]
    [InlineData("6.2.16", "$.product_tree.branches[0].branches[0].branches[1].product")]
    public void Validate_OptionalTests_AreWarnings(string test, string path) =>
        Assert.Contains(Validate(), i => !i.IsError && i.Path == path && i.Message.Contains($"({test})", StringComparison.Ordinal));

    [Fact]
    public void Validate_WrittenTemporalScoreAndSeverity_AreComputed()
    {
        var issues = Validate(n => { var c = V(n)["scores"]![0]!["cvss_v3"]!; c["temporalScore"] = 9.8; c["temporalSeverity"] = "HIGH"; });
        Assert.Contains(issues, i => i.Path.EndsWith("temporalSeverity", StringComparison.Ordinal) && i.Message.Contains("(6.1.9)", StringComparison.Ordinal));
        Assert.DoesNotContain(issues, i => i.Path.EndsWith("temporalScore", StringComparison.Ordinal));
    }
}
